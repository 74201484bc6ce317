package parley.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.crypto.InboxId;

/** The rules one by one, as RabbitMQ 3.10 asks them (field names seen on the wire). */
class AuthzPolicyTest {
    private static final AuthzPolicy POLICY = new AuthzPolicy("parley", "parley");
    private static final InboxId OWN = InboxId.random();
    private static final InboxId PEER = InboxId.random();

    private static Map<String, String> base(String clientIdField, String clientId) {
        var request = new HashMap<String, String>();
        request.put("username", "parley");
        request.put("vhost", "parley");
        request.put("tags", "");
        if (clientId != null) request.put(clientIdField, clientId);
        return request;
    }

    private static Map<String, String> topic(String clientId, String permission, String routingKey) {
        var request = base(AuthzPolicy.TOPIC_CLIENT_ID, clientId);
        request.put("resource", "topic");
        request.put("name", "amq.topic");
        request.put("permission", permission);
        request.put("routing_key", routingKey);
        return request;
    }

    private static Map<String, String> resource(String clientId, String kind, String name, String permission) {
        var request = base(AuthzPolicy.CLIENT_ID, clientId);
        request.put("resource", kind);
        request.put("name", name);
        request.put("permission", permission);
        return request;
    }

    private static String inboxKey(String id) {
        return ".chats." + id + ".messages";
    }

    @Test
    void theOwnerReadsAndAnyoneWritesAnInbox() {
        assertThat(POLICY.topic(topic(OWN.value(), "read", inboxKey(OWN.value()))).allowed()).isTrue();
        assertThat(POLICY.topic(topic(OWN.value(), "write", inboxKey(PEER.value()))).allowed()).isTrue();
        assertThat(POLICY.topic(topic(OWN.value(), "write", inboxKey(OWN.value()))).allowed()).isTrue();
    }

    @Test
    void nobodyReadsAnotherInbox() {
        assertThat(POLICY.topic(topic(OWN.value(), "read", inboxKey(PEER.value()))).allowed()).isFalse();
    }

    @ParameterizedTest(name = "read filter {0}")
    @ValueSource(strings = {"#", ".chats.#", "*.*.*.*", ".chats.*.messages", "", ".chats..messages"})
    void wildcardReadsAreDenied(String routingKey) {
        assertThat(POLICY.topic(topic(OWN.value(), "read", routingKey)).allowed()).isFalse();
    }

    @Test
    void theOwnKeyWithATrailingWildcardIsDenied() {
        assertThat(POLICY.topic(topic(OWN.value(), "read", inboxKey(OWN.value()) + ".#")).allowed()).isFalse();
    }

    /** Client ids chosen to attack a pattern rule: none is an inbox id, so they get nothing at all. */
    @ParameterizedTest(name = "client id {0}")
    @ValueSource(strings = {".*", "[^.]*", "#", "+", "*", "(.*)", "abc", "a.b", "a/b",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // 42
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // 44
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.*", // 43 + a regex tail
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.*"}) // 43 with a regex inside
    void clientIdsThatAreNotInboxIdsGetNothing(String clientId) {
        assertThat(POLICY.user(withId(base(AuthzPolicy.CLIENT_ID, clientId)))).extracting(Decision::allowed)
                .isEqualTo(false);
        assertThat(POLICY.vhost(base(AuthzPolicy.CLIENT_ID, clientId)).allowed()).isFalse();
        assertThat(POLICY.topic(topic(clientId, "read", inboxKey(clientId))).allowed()).isFalse();
        assertThat(POLICY.topic(topic(clientId, "write", inboxKey(PEER.value()))).allowed()).isFalse();
        assertThat(POLICY.resource(resource(clientId, "queue", "mqtt-subscription-" + clientId + "qos1", "read"))
                .allowed()).isFalse();
    }

    @Test
    void theVictimsIdPrefixIsNotTheVictim() {
        String prefix = PEER.value().substring(0, 42);
        assertThat(POLICY.topic(topic(prefix, "read", inboxKey(PEER.value()))).allowed()).isFalse();
    }

    @Test
    void aNonCanonicalIdIsNotAnInboxId() {
        // 43 base64url characters whose last one carries stray bits: not what any client generates
        String odd = PEER.value().substring(0, 42) + "B";
        String canonical = InboxId.of(PEER.value()).value();
        if (!odd.equals(canonical)) {
            assertThat(POLICY.vhost(base(AuthzPolicy.CLIENT_ID, odd)).allowed()).isFalse();
        }
    }

    @Test
    void anAmqpClientWithoutAClientIdGetsNothing() {
        assertThat(POLICY.user(base(AuthzPolicy.CLIENT_ID, null)).allowed()).isFalse();
        assertThat(POLICY.vhost(base(AuthzPolicy.CLIENT_ID, null)).allowed()).isFalse();
        assertThat(POLICY.resource(resource(null, "queue", "mqtt-subscription-" + OWN.value() + "qos1", "read"))
                .allowed()).isFalse();
        assertThat(POLICY.topic(topic(null, "read", inboxKey(OWN.value()))).allowed()).isFalse();
    }

    @Test
    void writesGoOnlyToInboxTopics() {
        assertThat(POLICY.topic(topic(OWN.value(), "write", ".chats.#")).allowed()).isFalse();
        assertThat(POLICY.topic(topic(OWN.value(), "write", ".other." + PEER.value() + ".messages")).allowed())
                .isFalse();
        assertThat(POLICY.topic(topic(OWN.value(), "write", inboxKey("short"))).allowed()).isFalse();
    }

    @Test
    void onlyTheOwnSessionQueues() {
        String own = "mqtt-subscription-" + OWN.value();
        for (String permission : new String[] {"configure", "write", "read"}) {
            assertThat(POLICY.resource(resource(OWN.value(), "queue", own + "qos1", permission)).allowed()).isTrue();
            assertThat(POLICY.resource(resource(OWN.value(), "queue", own + "qos0", permission)).allowed()).isTrue();
        }
        assertThat(POLICY.resource(resource(OWN.value(), "queue", "mqtt-subscription-" + PEER.value() + "qos1",
                "read")).allowed()).isFalse();
        assertThat(POLICY.resource(resource(OWN.value(), "queue", own + "qos2", "read")).allowed()).isFalse();
        assertThat(POLICY.resource(resource(OWN.value(), "queue", "other", "configure")).allowed()).isFalse();
    }

    @Test
    void theTopicExchangeIsUsedButNeverConfigured() {
        assertThat(POLICY.resource(resource(OWN.value(), "exchange", "amq.topic", "read")).allowed()).isTrue();
        assertThat(POLICY.resource(resource(OWN.value(), "exchange", "amq.topic", "write")).allowed()).isTrue();
        assertThat(POLICY.resource(resource(OWN.value(), "exchange", "amq.topic", "configure")).allowed()).isFalse();
        assertThat(POLICY.resource(resource(OWN.value(), "exchange", "amq.direct", "write")).allowed()).isFalse();
    }

    @Test
    void anotherUserOrVhostGetsNothing() {
        var otherUser = base(AuthzPolicy.CLIENT_ID, OWN.value());
        otherUser.put("username", "admin");
        assertThat(POLICY.user(otherUser).allowed()).isFalse();
        assertThat(POLICY.vhost(otherUser).allowed()).isFalse();
        var otherVhost = base(AuthzPolicy.CLIENT_ID, OWN.value());
        otherVhost.put("vhost", "/");
        assertThat(POLICY.vhost(otherVhost).allowed()).isFalse();
        var topicElsewhere = topic(OWN.value(), "read", inboxKey(OWN.value()));
        topicElsewhere.put("vhost", "/");
        assertThat(POLICY.topic(topicElsewhere).allowed()).isFalse();
    }

    @Test
    void aTopicQuestionWithTwoClientIdsIsDenied() {
        var request = topic(OWN.value(), "read", inboxKey(PEER.value()));
        request.put(AuthzPolicy.CLIENT_ID, PEER.value());
        assertThat(POLICY.topic(request).allowed()).isFalse();
    }

    @Test
    void decisionsNeverLogAFullId() {
        for (Decision d : new Decision[] {
                POLICY.topic(topic(OWN.value(), "read", inboxKey(OWN.value()))),
                POLICY.topic(topic(OWN.value(), "read", inboxKey(PEER.value()))),
                POLICY.topic(topic(OWN.value(), "write", inboxKey(PEER.value()))),
                POLICY.vhost(base(AuthzPolicy.CLIENT_ID, OWN.value())),
                POLICY.resource(resource(OWN.value(), "queue", "mqtt-subscription-" + PEER.value() + "qos1", "read"))}) {
            assertThat(d.reason()).doesNotContain(OWN.value()).doesNotContain(PEER.value());
        }
    }

    private static Map<String, String> withId(Map<String, String> request) {
        request.put("password", "secret");
        return request;
    }
}
