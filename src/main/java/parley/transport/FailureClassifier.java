package parley.transport;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttException;
import parley.transport.ConnectionState.Failed;
import parley.transport.ConnectionState.Failure;
import parley.transport.guard.PacketRefusedException;

/**
 * Reads Paho's exceptions: which failures are final (retrying cannot help until the user changes the profile)
 * and how to say what happened in words a user understands.
 */
final class FailureClassifier {
    private FailureClassifier() {
    }

    /** The final failure {@code error} stands for, or empty when a retry may help. */
    static Optional<Failed> terminal(Throwable error) {
        if (error instanceof MqttException mqtt) {
            switch (mqtt.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION -> {
                    return Optional.of(new Failed(Failure.BAD_CREDENTIALS,
                            "the broker refused the username or password"));
                }
                case MqttException.REASON_CODE_NOT_AUTHORIZED -> {
                    return Optional.of(new Failed(Failure.NOT_AUTHORIZED,
                            "the broker does not allow this client to connect"));
                }
                case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION -> {
                    return Optional.of(new Failed(Failure.PROTOCOL,
                            "the broker does not speak MQTT 3.1.1"));
                }
                case MqttException.REASON_CODE_INVALID_CLIENT_ID -> {
                    return Optional.of(new Failed(Failure.PROTOCOL,
                            "the broker refused the client id (inbox id)"));
                }
                default -> {
                    // look at the cause below
                }
            }
        }
        SSLHandshakeException handshake = find(error, SSLHandshakeException.class);
        if (handshake == null) return Optional.empty();
        String detail = deepestMessage(handshake);
        if (mentionsHostname(handshake)) {
            return Optional.of(new Failed(Failure.HOSTNAME_MISMATCH,
                    "the broker's certificate is not issued for this host name (" + detail + ")"));
        }
        if (find(handshake, CertPathBuilderException.class) != null
                || find(handshake, CertPathValidatorException.class) != null
                || find(handshake, CertificateException.class) != null) {
            return Optional.of(new Failed(Failure.UNTRUSTED_CERTIFICATE,
                    "the broker's certificate is not trusted (not signed by a known CA or the profile's CA file): "
                            + detail));
        }
        String message = String.valueOf(handshake.getMessage());
        if (message.contains("protocol_version") || message.contains("handshake_failure")
                || message.contains("No appropriate protocol") || message.contains("no cipher suites in common")) {
            return Optional.of(new Failed(Failure.PROTOCOL,
                    "the broker and this app share no TLS version or cipher (need TLS 1.2 or 1.3): " + message));
        }
        return Optional.empty(); // e.g. the broker closed the socket during the handshake while restarting
    }

    /** A short reason for a retryable failure, for {@link ConnectionState.Waiting}. */
    static String describe(Throwable error) {
        PacketRefusedException refused = refusedPacket(error);
        if (refused != null) return refused.getMessage();
        if (find(error, ConnectException.class) != null) return "the broker is not reachable (connection refused)";
        if (find(error, UnknownHostException.class) != null) return "the broker's host name is unknown";
        if (find(error, NoRouteToHostException.class) != null) return "no route to the broker's host";
        if (find(error, SocketTimeoutException.class) != null) return "the broker did not answer in time";
        if (find(error, EOFException.class) != null) return "the broker closed the connection";
        if (error instanceof MqttException mqtt) {
            return switch (mqtt.getReasonCode()) {
                case MqttException.REASON_CODE_BROKER_UNAVAILABLE -> "the broker is unavailable";
                case MqttException.REASON_CODE_CLIENT_TIMEOUT -> "the broker did not answer in time";
                case MqttException.REASON_CODE_CONNECTION_LOST -> "the connection was lost";
                default -> "the connection failed: " + deepestMessage(error);
            };
        }
        return "the connection failed: " + deepestMessage(error);
    }

    /** The packet guard's refusal behind {@code error}, or null: the broker broke the protocol on purpose or not. */
    static PacketRefusedException refusedPacket(Throwable error) {
        return find(error, PacketRefusedException.class);
    }

    private static boolean mentionsHostname(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null
                    && (message.contains("No subject alternative") || message.contains("No name matching"))) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static String deepestMessage(Throwable error) {
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null) message = t.getMessage();
            if (t.getCause() == t) break;
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }
}
