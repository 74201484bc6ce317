package parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.crypto.InboxId;
import parley.testing.RabbitCluster;
import parley.testing.RabbitClusterExtension;
import parley.testing.Rogue;
import parley.transport.BrokerProfile;
import parley.transport.ConnectionState;
import parley.transport.ConnectionState.Connected;
import parley.transport.ConnectionState.Connecting;
import parley.transport.ConnectionState.Failed;
import parley.transport.ConnectionState.TakenOver;
import parley.transport.InboxConnection;
import parley.transport.MqttTransport;

/**
 * The read rule across nodes: a victim's inbox on node 1, its peer on node 2, rogues on nodes 2 and 3. Plus what
 * the cluster must refuse: AMQP, connections while the authz service is down, and duplicate client ids.
 */
@ExtendWith(RabbitClusterExtension.class)
class ClusterSecurityIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static RabbitCluster cluster;
    private final MqttTransport transport = new MqttTransport();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void cluster(RabbitCluster shared) {
        cluster = shared;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
        transport.close();
    }

    private BrokerProfile profile(URI mqtts) {
        var credentials = cluster.credentials().orElseThrow();
        return BrokerProfile.of(mqtts).withCaFile(cluster.caFile())
                .withCredentials(credentials.username(), credentials.password());
    }

    private record Opened(InboxConnection connection, StateLog log) {
    }

    private Opened open(InboxId inbox, int node) {
        var log = new StateLog();
        open.add(log);
        InboxConnection connection = transport.open(profile(cluster.mqttsUri(node)), inbox, log, log.executor);
        open.add(connection::close);
        connection.start();
        return new Opened(connection, log);
    }

    private Rogue rogue(int node, String clientId, String... filters) {
        Rogue rogue = Rogue.attempt(cluster.mqttsUri(node), cluster.caFile(), cluster.credentials(), clientId,
                filters);
        open.add(rogue);
        return rogue;
    }

    @Test
    void roguesOnOtherNodesReceiveNothingWhateverTheyChooseAsClientIdOrFilter() throws Exception {
        InboxId victim = InboxId.random();
        Opened inbox = open(victim, 1);
        inbox.log().await(Connected.class, WAIT);
        String topic = "/chats/" + victim.value() + "/messages";
        String v = victim.value();
        List<Rogue> rogues = new ArrayList<>();
        for (int node : new int[] {2, 3}) {
            rogues.add(rogue(node, InboxId.random().value(), "#"));
            rogues.add(rogue(node, InboxId.random().value(), "/chats/#"));
            rogues.add(rogue(node, InboxId.random().value(), "+/+/+/+"));
            rogues.add(rogue(node, InboxId.random().value(), topic));
            rogues.add(rogue(node, InboxId.random().value(), "/chats/+/messages"));
            // client ids chosen to attack a pattern rule: regex fragments, AMQP and MQTT wildcards, lengths, prefix
            for (String id : List.of(".*", "[^.]*", "(.*)", "#", "+", "*", v.substring(0, 42), v + "x",
                    v.substring(0, 41) + ".*", v.substring(0, 6), v + ".*", "x".repeat(1024))) {
                rogues.add(rogue(node, id, topic));
            }
        }

        Rogue peer = rogue(2, InboxId.random().value());
        assertThat(peer.refusal()).as("a peer with an inbox id may connect").isNull();
        for (int i = 0; i < 5; i++) peer.publish(topic, ("secret " + i).getBytes(StandardCharsets.UTF_8), false);
        inbox.log().awaitTexts(5, WAIT);
        assertThat(inbox.log().texts()).containsExactly("secret 0", "secret 1", "secret 2", "secret 3", "secret 4");
        Thread.sleep(500);
        for (Rogue r : rogues) {
            assertThat(r.received()).as("what a rogue got (refused: %s)", r.refusal()).isEmpty();
            assertThat(r.isConnected()).as("a rogue's connection is closed by the broker").isFalse();
        }
    }

    @Test
    void noNodeSpeaksAmqp() throws Exception {
        for (int node = 1; node <= RabbitCluster.NODES; node++) {
            String listeners = cluster.ctl(node, "eval",
                    "[element(3, L) || L <- rabbit_networking:active_listeners(), element(2, L) =:= node()].")
                    .output();
            assertThat(listeners).as("node %d's listeners", node).contains("mqtt/ssl").contains("https/web-mqtt")
                    .doesNotContain("amqp");
        }
        for (int port : new int[] {5672, 5671}) {
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .as("AMQP port %d", port).isInstanceOf(IOException.class);
        }
    }

    @Test
    void withTheAuthzServiceDownNewConnectionsAreRefused() throws Exception {
        cluster.stopAuthz(3);
        try {
            Rogue refused = rogue(3, InboxId.random().value(), "/chats/x/messages");
            assertThat(refused.refusal()).as("a connect while node 3's authz service is down").isNotNull();
            Opened parley = open(InboxId.random(), 3);
            Thread.sleep(5000);
            assertThat(parley.log().states(Connected.class)).as("Parley's connection while authz is down").isEmpty();
        } finally {
            cluster.startAuthz(3);
        }
        Opened after = open(InboxId.random(), 3);
        after.log().await(Connected.class, WAIT);
    }

    @Test
    void aDuplicateClientIdOnAnotherNodeIsDetectedAndBackedOff() throws Exception {
        InboxId inbox = InboxId.random();
        Opened first = open(inbox, 1);
        first.log().await(Connected.class, WAIT);
        Opened second = open(inbox, 2);

        Thread.sleep(12_000);

        List<TakenOver> takeovers = new ArrayList<>(first.log().states(TakenOver.class));
        takeovers.addAll(second.log().states(TakenOver.class));
        assertThat(takeovers).as("the takeover loop across nodes is reported").isNotEmpty();
        int connects = first.log().states(Connecting.class).size() + second.log().states(Connecting.class).size();
        assertThat(connects).as("connect attempts of both in 12 s").isLessThanOrEqualTo(14);
    }

    /**
     * RabbitMQ closes the connection on a denied SUBSCRIBE instead of answering it. Node 3's authz service is
     * replaced by one that refuses every topic (a policy that refuses this inbox): the connection must fail with
     * a clear message, not reconnect forever.
     */
    @Test
    void aRefusedSubscriptionFailsClearlyInsteadOfReconnectingForever() throws Exception {
        cluster.stopAuthz(3);
        HttpServer refuser = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), cluster.port(3, 4)), 16);
        refuser.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().equals("/auth/topic") ? "deny" : "allow")
                    .getBytes(StandardCharsets.US_ASCII);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refuser.start();
        try {
            Opened refused = open(InboxId.random(), 3);
            Failed failed = refused.log().await(Failed.class, Duration.ofSeconds(60));
            assertThat(failed.kind()).isEqualTo(ConnectionState.Failure.NOT_AUTHORIZED);
            assertThat(failed.message()).contains("refused this inbox (access denied)");
            int attempts = refused.log().states(Connecting.class).size();
            Thread.sleep(3000);
            assertThat(refused.log().states(Connecting.class)).as("no reconnect after the failure").hasSize(attempts);
            assertThat(refused.log().states(Connected.class)).isEmpty();
        } finally {
            refuser.stop(0);
            TimeUnit.MILLISECONDS.sleep(200);
            cluster.startAuthz(3);
        }
    }
}
