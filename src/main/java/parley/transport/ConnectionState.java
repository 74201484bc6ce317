package parley.transport;

import java.time.Duration;
import java.util.Objects;

/** Where an {@link InboxConnection} stands; reported to {@link ConnectionListener#onStateChanged}. */
public sealed interface ConnectionState {

    /**
     * Connecting; {@code attempt} counts connect attempts since the last connection that held for a few seconds
     * (a connection dropped right after its connect does not reset the count, nor the back-off).
     */
    record Connecting(int attempt) implements ConnectionState {
    }

    /** Connected and subscribed to the own inbox. {@code sessionPresent}: the broker kept our session. */
    record Connected(boolean sessionPresent) implements ConnectionState {
    }

    /** Waiting {@code delay} before the next connect attempt, after {@code reason}. */
    record Waiting(Duration delay, String reason, int attempt) implements ConnectionState {
        public Waiting {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Another connection with the same client id keeps kicking this one off (the same inbox open twice, say in
     * two running copies of the app): backing off {@code backoff} after {@code drops} quick drops in a row.
     */
    record TakenOver(Duration backoff, int drops) implements ConnectionState {
        public TakenOver {
            Objects.requireNonNull(backoff, "backoff");
        }
    }

    /** Gave up: retrying cannot help until the user changes something. {@code message} is for the user. */
    record Failed(Failure kind, String message) implements ConnectionState {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Closed by the owner; no more attempts. */
    record Closed() implements ConnectionState {
    }

    /** Why a connection failed for good. */
    enum Failure {
        /** The certificate chain does not lead to a trusted CA (system roots or the profile's CA file). */
        UNTRUSTED_CERTIFICATE,
        /** The certificate is trusted but not issued for the host name in the broker URL. */
        HOSTNAME_MISMATCH,
        /** The broker refused this client (CONNACK 5). */
        NOT_AUTHORIZED,
        /** The broker refused the username or password (CONNACK 4). */
        BAD_CREDENTIALS,
        /** The broker does not speak what we speak: MQTT version, TLS version or ciphers, client id rules. */
        PROTOCOL
    }
}
