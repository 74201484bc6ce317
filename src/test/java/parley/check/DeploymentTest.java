package parley.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentTest {
    private static Deployment of(String target) {
        return Deployment.of(target, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aHostNameMeansWhereAParleyServerPutsEachPart() {
        Deployment d = of("chat.example.org");
        assertThat(d.mqtts()).isEqualTo(URI.create("mqtts://chat.example.org:8883"));
        assertThat(d.wss()).isEqualTo(URI.create("wss://chat.example.org/mqtt"));
        assertThat(d.web()).isEqualTo(URI.create("https://chat.example.org/"));
        assertThat(Deployment.endpoint(d.wss())).isEqualTo(new Endpoint("chat.example.org", 443));
    }

    @Test
    void aUrlOfOnePartSetsThatPartAndTheOthersFollowOnTheSameHost() {
        Deployment web = of("https://localhost:8443/");
        assertThat(web.wss()).isEqualTo(URI.create("wss://localhost:8443/mqtt"));
        assertThat(web.mqtts()).isEqualTo(URI.create("mqtts://localhost:8883"));
        Deployment mqtts = of("mqtts://localhost:18883");
        assertThat(mqtts.mqtts()).isEqualTo(URI.create("mqtts://localhost:18883"));
        assertThat(mqtts.web()).isEqualTo(URI.create("https://localhost/"));
    }

    @Test
    void explicitAddressesOverrideTheDerivedOnes() {
        Deployment d = Deployment.of("chat.example.org", Optional.empty(),
                Optional.of(URI.create("wss://ws.example.org:444/mqtt")), Optional.of(URI.create("https://www.example.org/")),
                Optional.of(Path.of("ca.pem")));
        assertThat(d.wss()).isEqualTo(URI.create("wss://ws.example.org:444/mqtt"));
        assertThat(d.web()).isEqualTo(URI.create("https://www.example.org/"));
        assertThat(d.mqtts()).isEqualTo(URI.create("mqtts://chat.example.org:8883"));
        assertThat(d.caFile()).contains(Path.of("ca.pem"));
    }

    @Test
    void whatNamesNoDeploymentIsRefusedWithTheReason() {
        assertThatThrownBy(() -> of("")).hasMessageContaining("host name or a URL");
        assertThatThrownBy(() -> of("ftp://example.org")).hasMessageContaining("mqtts://, wss:// or https://");
        assertThatThrownBy(() -> of("example.org:8883")).hasMessageContaining("with its scheme");
        assertThatThrownBy(() -> Deployment.of("example.org", Optional.of(URI.create("tcp://example.org:1883")),
                Optional.empty(), Optional.empty(), Optional.empty())).hasMessageContaining("mqtts");
    }
}
