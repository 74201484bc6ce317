package parley.authz;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import parley.crypto.InboxId;

/**
 * Parley's rules for one MQTT user on one vhost, as the four questions {@code rabbitmq_auth_backend_http} asks
 * (user, vhost, resource, topic). Every answer depends only on the request: the service keeps no state.
 * <ul>
 *   <li>the client id must be an inbox id (43 base64url characters), else nothing is allowed;</li>
 *   <li>read: routing key {@code .chats.<own client id>.messages}, compared as a string, never as a pattern;</li>
 *   <li>write: routing key {@code .chats.<any inbox id>.messages};</li>
 *   <li>queues: only the own session queues {@code mqtt-subscription-<own client id>qos0|qos1};</li>
 *   <li>exchange: only {@code amq.topic}, read (bind) and write (publish), never configure;</li>
 *   <li>anything else, including every AMQP client (it has no MQTT client id), is denied.</li>
 * </ul>
 *
 * @param username the one MQTT user
 * @param vhost    Parley's vhost
 */
record AuthzPolicy(String username, String vhost) {
    static final String EXCHANGE = "amq.topic";
    private static final String QUEUE_PREFIX = "mqtt-subscription-";
    /** Where RabbitMQ 3.10 puts the MQTT client id: user, vhost and resource questions ... */
    static final String CLIENT_ID = "client_id";
    /** ... and topic questions (absent for AMQP clients: they get nothing). */
    static final String TOPIC_CLIENT_ID = "variable_map.client_id";
    private static final Set<String> PERMISSIONS = Set.of("configure", "write", "read");

    AuthzPolicy {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(vhost, "vhost");
        if (username.isEmpty() || vhost.isEmpty()) throw new IllegalArgumentException("username and vhost are required");
    }

    /**
     * {@code user_path}: the user may log in (the password was checked by RabbitMQ's internal database; the
     * field is ignored and never logged). An MQTT client whose id is not an inbox id is refused here already.
     */
    Decision user(Map<String, String> request) {
        String user = request.get("username");
        if (!username.equals(user)) return Decision.deny("user: unknown user " + Redacted.id(user));
        InboxId own = ownInbox(request, CLIENT_ID);
        if (own == null) {
            return Decision.deny("user: client id " + Redacted.id(request.get(CLIENT_ID)) + " is not an inbox id");
        }
        return Decision.allow("user " + user + " as " + own.abbreviated());
    }

    /** {@code vhost_path}: only Parley's vhost, only for the MQTT user, only for an inbox id as client id. */
    Decision vhost(Map<String, String> request) {
        if (!username.equals(request.get("username"))) return Decision.deny("vhost: unknown user");
        if (!vhost.equals(request.get("vhost"))) return Decision.deny("vhost: not Parley's vhost");
        InboxId own = ownInbox(request, CLIENT_ID);
        if (own == null) {
            return Decision.deny("vhost: client id " + Redacted.id(request.get(CLIENT_ID)) + " is not an inbox id");
        }
        return Decision.allow("vhost " + vhost + " for " + own.abbreviated());
    }

    /** {@code resource_path}: the connection's own session queues and the topic exchange. */
    Decision resource(Map<String, String> request) {
        String what = request.get("resource") + " " + request.get("permission");
        if (!username.equals(request.get("username")) || !vhost.equals(request.get("vhost"))) {
            return Decision.deny(what + ": wrong user or vhost");
        }
        String permission = request.get("permission");
        if (!PERMISSIONS.contains(permission)) return Decision.deny(what + ": unknown permission");
        String name = request.get("name");
        switch (String.valueOf(request.get("resource"))) {
            case "exchange" -> {
                if (!EXCHANGE.equals(name)) return Decision.deny(what + ": exchange other than " + EXCHANGE);
                if (permission.equals("configure")) return Decision.deny(what + ": nobody configures " + EXCHANGE);
                return Decision.allow(what + " " + EXCHANGE);
            }
            case "queue" -> {
                InboxId own = ownInbox(request, CLIENT_ID);
                if (own == null) return Decision.deny(what + ": client id " + Redacted.id(request.get(CLIENT_ID))
                        + " is not an inbox id");
                String prefix = QUEUE_PREFIX + own.value();
                if (name == null || !(name.equals(prefix + "qos0") || name.equals(prefix + "qos1"))) {
                    return Decision.deny(what + ": " + Redacted.id(name) + " is not the session queue of "
                            + own.abbreviated());
                }
                return Decision.allow(what + " session queue of " + own.abbreviated());
            }
            default -> {
                return Decision.deny(what + ": not a queue or exchange");
            }
        }
    }

    /** {@code topic_path}: read only the own inbox topic, write only to inbox topics. */
    Decision topic(Map<String, String> request) {
        String permission = request.get("permission");
        String what = "topic " + permission;
        if (!username.equals(request.get("username")) || !vhost.equals(request.get("vhost"))) {
            return Decision.deny(what + ": wrong user or vhost");
        }
        if (!"topic".equals(request.get("resource")) || !EXCHANGE.equals(request.get("name"))) {
            return Decision.deny(what + ": not a topic on " + EXCHANGE);
        }
        if (request.containsKey(CLIENT_ID)) return Decision.deny(what + ": ambiguous client id");
        InboxId own = ownInbox(request, TOPIC_CLIENT_ID);
        if (own == null) {
            return Decision.deny(what + ": client id " + Redacted.id(request.get(TOPIC_CLIENT_ID))
                    + " is not an inbox id");
        }
        String key = request.get("routing_key");
        return switch (String.valueOf(permission)) {
            case "read" -> routingKey(own).equals(key)
                    ? Decision.allow(what + " own inbox " + own.abbreviated())
                    : Decision.deny(what + ": " + Redacted.id(key) + " is not the inbox of " + own.abbreviated());
            case "write" -> {
                InboxId to = inboxOf(key);
                yield to == null
                        ? Decision.deny(what + " by " + own.abbreviated() + ": " + Redacted.id(key)
                                + " is not an inbox topic")
                        : Decision.allow(what + " " + own.abbreviated() + " -> " + to.abbreviated());
            }
            default -> Decision.deny(what + ": unknown permission");
        };
    }

    /** The routing key of an inbox topic: MQTT's {@code /chats/X/messages} with {@code /} as {@code .}. */
    static String routingKey(InboxId inbox) {
        return ".chats." + inbox.value() + ".messages";
    }

    /** The inbox a routing key names, or null when it is not exactly an inbox topic. */
    private static InboxId inboxOf(String key) {
        String head = ".chats.";
        String tail = ".messages";
        if (key == null || !key.startsWith(head) || !key.endsWith(tail)) return null;
        return parse(key.substring(head.length(), key.length() - tail.length()));
    }

    /** The connection's MQTT client id, or null when it is absent (AMQP) or not an inbox id. */
    private static InboxId ownInbox(Map<String, String> request, String field) {
        return parse(request.get(field));
    }

    private static InboxId parse(String value) {
        if (value == null) return null;
        try {
            return InboxId.of(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
