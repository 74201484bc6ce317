package parley.transport.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.internal.NetworkModule;
import org.eclipse.paho.client.mqttv3.internal.NetworkModuleService;
import org.eclipse.paho.client.mqttv3.internal.websocket.WebSocketSecureNetworkModule;
import org.junit.jupiter.api.Test;

class WssNetworkModuleFactoryTest {
    private static final URI BROKER = URI.create("parley-wss://broker.example:8443/mqtt");

    @Test
    void pahoFindsTheModuleThroughServiceLoaderForOurScheme() throws MqttException {
        NetworkModule module = NetworkModuleService.createInstance(BROKER.toString(), options(), "client");

        assertThat(module).isInstanceOf(WebSocketNetworkModule.class);
        assertThat(module.getServerURI()).isEqualTo("wss://broker.example:8443/mqtt");
    }

    @Test
    void plainWssStillMeansPahosOwnModule() throws MqttException {
        NetworkModule module = NetworkModuleService.createInstance("wss://broker.example/mqtt", options(), "c");

        assertThat(module).isInstanceOf(WebSocketSecureNetworkModule.class);
    }

    @Test
    void withoutTlsSettingsTheSystemDefaultContextIsUsed() throws Exception {
        assertThat(WssNetworkModuleFactory.sslContext(new MqttConnectOptions())).isSameAs(SSLContext.getDefault());
    }

    @Test
    void refusesAForeignSocketFactory() throws Exception {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(SSLContext.getDefault().getSocketFactory());

        assertRefused(options, "WssTransportSupport.configure");
    }

    @Test
    void refusesPahoSslProperties() {
        MqttConnectOptions options = new MqttConnectOptions();
        Properties properties = new Properties();
        properties.setProperty("com.ibm.ssl.protocol", "TLSv1.3");
        options.setSSLProperties(properties);

        assertRefused(options, "SSL properties");
    }

    @Test
    void refusesOptionsWithHostnameVerificationOff() {
        MqttConnectOptions options = options();
        options.setHttpsHostnameVerificationEnabled(false);

        assertRefused(options, "hostname verification off");
    }

    @Test
    void refusesACustomHostnameVerifier() {
        MqttConnectOptions options = options();
        options.setSSLHostnameVerifier((host, session) -> true);

        assertRefused(options, "HostnameVerifier");
    }

    @Test
    void refusesWhenTheJdkPropertyDisablesHostnameVerification() {
        System.setProperty(WssNetworkModuleFactory.DISABLE_HOSTNAME_VERIFICATION, "");
        try {
            assertRefused(options(), WssNetworkModuleFactory.DISABLE_HOSTNAME_VERIFICATION);
        } finally {
            System.clearProperty(WssNetworkModuleFactory.DISABLE_HOSTNAME_VERIFICATION);
        }
    }

    @Test
    void acceptsTheJdkPropertySetToFalse() {
        System.setProperty(WssNetworkModuleFactory.DISABLE_HOSTNAME_VERIFICATION, "false");
        try {
            assertThat(WssNetworkModuleFactory.sslContext(options())).isNotNull();
        } finally {
            System.clearProperty(WssNetworkModuleFactory.DISABLE_HOSTNAME_VERIFICATION);
        }
    }

    @Test
    void modulesRefuseStreamsBeforeStart() throws MqttException {
        NetworkModule module = new WssNetworkModuleFactory().createNetworkModule(BROKER, options(), "client");

        assertThatThrownBy(module::getInputStream).hasMessageContaining("not started");
        assertThatThrownBy(module::getOutputStream).hasMessageContaining("not started");
    }

    private static MqttConnectOptions options() {
        try {
            MqttConnectOptions options = new MqttConnectOptions();
            WssTransportSupport.configure(options, SSLContext.getDefault());
            return options;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(MqttConnectOptions options, String reason) {
        assertThatThrownBy(() -> new WssNetworkModuleFactory().createNetworkModule(BROKER, options, "client"))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_SOCKET_FACTORY_MISMATCH))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }
}
