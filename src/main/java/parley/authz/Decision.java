package parley.authz;

import java.util.Objects;

/**
 * One answer to RabbitMQ: allow or deny, with the reason that goes to the log (never a full id).
 *
 * @param allowed whether RabbitMQ may go ahead
 * @param reason  for the log: what was asked and why it was decided so, ids abbreviated
 */
record Decision(boolean allowed, String reason) {
    Decision {
        Objects.requireNonNull(reason, "reason");
    }

    static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    static Decision deny(String reason) {
        return new Decision(false, reason);
    }

    /** The response body {@code rabbitmq_auth_backend_http} understands. */
    String body() {
        return allowed ? "allow" : "deny";
    }
}
