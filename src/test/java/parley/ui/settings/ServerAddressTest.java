package parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerAddressTest {
    @Test
    void aServerIsTypedAsANameANameAndPortOrAnMqttsUrl() {
        assertThat(ServerAddress.mqtts("chat.example.org")).isEqualTo(URI.create("mqtts://chat.example.org"));
        assertThat(ServerAddress.mqtts(" chat.example.org:18883 ")).isEqualTo(URI.create("mqtts://chat.example.org:18883"));
        assertThat(ServerAddress.mqtts("mqtts://localhost:8883/")).isEqualTo(URI.create("mqtts://localhost:8883"));
    }

    @Test
    void whatIsNotAServerGetsASentenceSayingWhatToType() {
        assertThatThrownBy(() -> ServerAddress.mqtts("")).hasMessage(
                "Give your server's name, for example chat.example.org.");
        assertThatThrownBy(() -> ServerAddress.mqtts("https://chat.example.org/")).hasMessage(
                "Give the server by its name (chat.example.org) or as an mqtts:// address, not https://.");
        assertThatThrownBy(() -> ServerAddress.mqtts("chat example")).hasMessageStartingWith("\"chat example\" is not");
        assertThatThrownBy(() -> ServerAddress.mqtts("chat.example.org/path")).hasMessageEndingWith(
                "Give it for example chat.example.org.");
        assertThatThrownBy(() -> ServerAddress.mqtts("chat.example.org:70000")).hasMessage(
                "The port must be a number from 1 to 65535.");
    }

    @Test
    void theWebClientIsHttpsAndTheBrowsersWssFollowsFromIt() {
        assertThat(ServerAddress.web("")).isEmpty();
        assertThat(ServerAddress.web("https://localhost:8443")).contains(URI.create("https://localhost:8443/"));
        assertThat(ServerAddress.impliedWss(URI.create("https://localhost:8443/")))
                .contains(URI.create("wss://localhost:8443/mqtt"));
        assertThatThrownBy(() -> ServerAddress.web("http://chat.example.org/")).hasMessageStartingWith(
                "The web client address must start with https://");
    }

    @Test
    void theFormShowsTheDefaultPortAsNothing() {
        assertThat(ServerAddress.shown(URI.create("mqtts://chat.example.org:8883"))).isEqualTo("chat.example.org");
        assertThat(ServerAddress.shown(URI.create("mqtts://localhost:18883"))).isEqualTo("localhost:18883");
    }
}
