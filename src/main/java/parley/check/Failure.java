package parley.check;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.net.http.HttpConnectTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttException;

/** Why a connection failed, in an administrator's words rather than the JDK's or Paho's class names. */
final class Failure {
    private Failure() {
    }

    static String describe(Throwable error) {
        // a client may wrap the resolver's failure in a ConnectException: the name comes first
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException e) return "the name " + e.getMessage() + " does not resolve";
            if (t instanceof UnresolvedAddressException) return "the name does not resolve";
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            switch (t) {
                case NoRouteToHostException e -> { return "no route to the host"; }
                case ConnectException e -> { return "connection refused (nothing listens there, or a firewall)"; }
                case SocketTimeoutException e -> { return "no answer in time"; }
                case HttpConnectTimeoutException e -> { return "no answer in time"; }
                case SSLHandshakeException e -> { return "TLS handshake failed: " + e.getMessage(); }
                default -> { }
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MqttException m && t.getCause() == null) {
                if (m.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) return "no answer in time";
                String refused = m.getReasonCode() <= 5 ? "the broker refused: " : "";
                return refused + m.getMessage() + " (MQTT reason " + m.getReasonCode() + ")";
            }
        }
        Throwable deepest = error;
        while (deepest.getCause() != null && deepest.getCause() != deepest) deepest = deepest.getCause();
        return deepest.getMessage() != null ? deepest.getMessage() : deepest.getClass().getSimpleName();
    }
}
