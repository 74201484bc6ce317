package parley.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerProfileTest {
    private static final Optional<URI> NONE = Optional.empty();

    @Test
    void mqttsIsPreferredAndSpelledSslForPaho() {
        var profile = new BrokerProfile(Optional.of(URI.create("mqtts://broker.example:8884")),
                Optional.of(URI.create("wss://broker.example/mqtt")), NONE, Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(profile.preferred()).isEqualTo(URI.create("mqtts://broker.example:8884"));
        assertThat(profile.pahoUri()).isEqualTo("parley-mqtts://broker.example:8884");
    }

    @Test
    void mqttsWithoutPortUses8883() {
        assertThat(BrokerProfile.of(URI.create("mqtts://broker.example")).pahoUri())
                .isEqualTo("parley-mqtts://broker.example:8883");
    }

    @Test
    void wssIsUsedWhenItIsTheOnlyOne() {
        var profile = BrokerProfile.of(URI.create("wss://broker.example:443/mqtt"));
        assertThat(profile.preferred()).isEqualTo(URI.create("wss://broker.example:443/mqtt"));
        // Parley's own websocket module, not Paho's (which dies on a PING), answers to this scheme
        assertThat(profile.pahoUri()).isEqualTo("parley-wss://broker.example:443/mqtt");
    }

    @Test
    void toStringMasksThePassword() {
        var profile = BrokerProfile.of(URI.create("mqtts://b.example")).withCredentials("alice", "hunter2");
        assertThat(profile.toString()).contains("alice", "***").doesNotContain("hunter2");
    }

    @Test
    void rejectsAProfileWithoutServer() {
        assertThatThrownBy(() -> new BrokerProfile(NONE, NONE, NONE, Optional.empty(), Optional.empty(),
                Optional.empty())).hasMessageContaining("needs an mqtts:// or a wss:// URL");
    }

    @Test
    void rejectsAnOtherSchemeForOf() {
        assertThatThrownBy(() -> BrokerProfile.of(URI.create("tcp://b.example:1883")))
                .hasMessageContaining("must start with mqtts:// or wss://");
    }

    @Test
    void rejectsPlainMqttInTheMqttsField() {
        assertThatThrownBy(() -> new BrokerProfile(Optional.of(URI.create("mqtt://b.example")), NONE, NONE,
                Optional.empty(), Optional.empty(), Optional.empty())).hasMessageContaining("mqtts URL");
    }

    @Test
    void rejectsAServerUrlWithoutHost() {
        assertThatThrownBy(() -> BrokerProfile.of(URI.create("mqtts:///path")))
                .hasMessageContaining("has no host name");
    }

    @Test
    void rejectsAPathOnMqtts() {
        assertThatThrownBy(() -> BrokerProfile.of(URI.create("mqtts://b.example/x")))
                .hasMessageContaining("must not have a path");
    }

    @Test
    void rejectsUserInfoInTheUrl() {
        assertThatThrownBy(() -> BrokerProfile.of(URI.create("wss://bob:pw@b.example/mqtt")))
                .hasMessageContaining("must not hold a user name");
    }

    @Test
    void rejectsAQuery() {
        assertThatThrownBy(() -> BrokerProfile.of(URI.create("wss://b.example/mqtt?x=1")))
                .hasMessageContaining("query or fragment");
    }

    @Test
    void rejectsAPlainHttpWebBase() {
        assertThatThrownBy(() -> BrokerProfile.of(URI.create("wss://b.example/mqtt"))
                .withWebBase(URI.create("http://b.example/"))).hasMessageContaining("web base URL");
    }

    @Test
    void rejectsAPasswordWithoutUsername() {
        assertThatThrownBy(() -> new BrokerProfile(Optional.of(URI.create("mqtts://b.example")), NONE, NONE,
                Optional.<Path>empty(), Optional.empty(), Optional.of("pw")))
                .hasMessageContaining("a password needs a username");
    }
}
