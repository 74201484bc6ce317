package parley.transport.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;

class WssTransportSupportTest {
    @Test
    void brokerUriKeepsHostPortPathAndQuery() {
        assertThat(WssTransportSupport.brokerUri(URI.create("wss://broker.example:8443/mqtt?x=1")))
                .isEqualTo("parley-wss://broker.example:8443/mqtt?x=1");
    }

    @Test
    void brokerUriAcceptsUpperCaseScheme() {
        assertThat(WssTransportSupport.brokerUri(URI.create("WSS://broker.example/mqtt")))
                .isEqualTo("parley-wss://broker.example/mqtt");
    }

    @Test
    void brokerUriRejectsPlainWs() {
        assertThatThrownBy(() -> WssTransportSupport.brokerUri(URI.create("ws://broker.example/mqtt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wss://").hasMessageContaining("ws");
    }

    @Test
    void brokerUriRejectsARelativeAddress() {
        assertThatThrownBy(() -> WssTransportSupport.brokerUri(URI.create("broker.example/mqtt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wss://");
    }

    @Test
    void brokerUriRejectsAMissingHost() {
        assertThatThrownBy(() -> WssTransportSupport.brokerUri(URI.create("wss:///mqtt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host");
    }

    @Test
    void brokerUriRejectsUserInfo() {
        assertThatThrownBy(() -> WssTransportSupport.brokerUri(URI.create("wss://u:secret@broker.example/mqtt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user info")
                .hasMessageNotContaining("secret");
    }

    @Test
    void brokerUriRejectsAFragment() {
        assertThatThrownBy(() -> WssTransportSupport.brokerUri(URI.create("wss://broker.example/mqtt#x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragment");
    }

    @Test
    void configureCarriesTheContextAndTurnsHostnameVerificationOn() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setHttpsHostnameVerificationEnabled(false);

        WssTransportSupport.configure(options, context);

        assertThat(options.isHttpsHostnameVerificationEnabled()).isTrue();
        assertThat(WssNetworkModuleFactory.sslContext(options)).isSameAs(context);
        assertThat(options.getSocketFactory()).isInstanceOf(javax.net.ssl.SSLSocketFactory.class);
    }
}
