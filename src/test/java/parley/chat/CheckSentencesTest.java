package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import parley.transport.ConnectionState;

class CheckSentencesTest {
    private static final URI SERVER = URI.create("mqtts://chat.example.org");

    @Test
    void anExceptionsTextNeverReachesTheStatusLine() {
        assertThat(CheckSentences.plainReason("the connection failed: sun.security.provider.certpath.SunCertPathBuil"))
                .isEqualTo("the connection failed");
        assertThat(CheckSentences.plainReason("the broker is not reachable (connection refused)"))
                .isEqualTo("the server is not reachable");
        assertThat(CheckSentences.plainReason("the broker's certificate is not trusted (not signed by a known CA): PKIX"))
                .isEqualTo("its certificate is not trusted");
        assertThat(CheckSentences.shortFailure(ConnectionState.Failure.HOSTNAME_MISMATCH))
                .isEqualTo("the server's certificate is for another name");
    }

    @Test
    void aFailedCheckSaysWhatToDo() {
        assertThat(CheckSentences.forRetry("the broker is not reachable (connection refused)", SERVER))
                .isEqualTo("Parley cannot reach chat.example.org:8883. Check the server's name and port, and that it "
                        + "is running.");
        assertThat(CheckSentences.forRetry("the broker's host name is unknown", SERVER))
                .isEqualTo("There is no server called chat.example.org. Check the spelling of the server's name.");
        assertThat(CheckSentences.forFailure(ConnectionState.Failure.BAD_CREDENTIALS, SERVER))
                .isEqualTo("The server refused the login. Check the username and password under Advanced.");
    }
}
