package parley.check;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttException;
import parley.crypto.InboxId;

/**
 * What one broker listener lets through, probed as a stranger would: subscribers to every wildcard and to
 * someone else's inbox must get nothing of a probe published to a fresh inbox, while that inbox's own
 * subscriber does get it (the control that makes "nothing" mean something); a retained publish must not be
 * kept; a publish over Parley's packet bound must be refused. docs/protocol.md section 1 (the ACL) and 7.
 */
final class ListenerProbe {
    /** Whole packets over this (Parley's bound, docs/protocol.md section 7) must be refused. */
    static final int PACKET_BOUND = 263_168;
    static final List<String> WILDCARDS = List.of("#", "/chats/#", "+/+/+/+", "$SYS/#");

    private final URI url;
    private final SSLContext tls;
    private final Duration timeout;

    ListenerProbe(URI url, SSLContext tls, Duration timeout) {
        this.url = url;
        this.tls = tls;
        this.timeout = timeout;
    }

    List<CheckLine> check(String label) {
        String subject = label + " " + url;
        List<CheckLine> lines = new ArrayList<>();
        List<ProbeClient> open = new ArrayList<>();
        try {
            InboxId inbox = InboxId.random();
            ProbeClient owner;
            try {
                owner = connect(open, Optional.of(inbox));
                owner.subscribe(topic(inbox));
            } catch (MqttException e) {
                return List.of(CheckLine.fail(subject + " MQTT", "cannot connect and subscribe: " + Failure.describe(e)));
            }
            Map<String, ProbeClient> strangers = new LinkedHashMap<>();
            Map<String, Integer> granted = new LinkedHashMap<>();
            for (String filter : WILDCARDS) subscribeStranger(open, strangers, granted, filter, filter);
            subscribeStranger(open, strangers, granted, "another client's inbox", topic(inbox));
            ProbeClient publisher = connect(open, Optional.empty());

            byte[] probe = ("parley check probe " + InboxId.random().abbreviated()).getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            publisher.publish(topic(inbox), probe, false);
            boolean arrived = owner.awaitDelivery(d -> Arrays.equals(d.payload(), probe), timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (!arrived) {
                lines.add(CheckLine.fail(subject + " probe to its own inbox", "the inbox's own subscriber did not get "
                        + "the probe within " + timeout.toSeconds() + " s: the ACL cannot be judged (is the read "
                        + "pattern /chats/%c/messages there?)"));
                return lines;
            }
            lines.add(CheckLine.ok(subject + " probe to its own inbox", "delivered to the inbox's subscriber in "
                    + took.toMillis() + " ms"));
            // every subscription was routed when the owner got the probe; twice that time and 2 s more let strays land
            Duration grace = took.multipliedBy(2).plusSeconds(2);
            long graceEnd = System.nanoTime() + grace.toNanos();
            for (var entry : strangers.entrySet()) {
                entry.getValue().awaitDelivery(d -> true, Duration.ofNanos(Math.max(0, graceEnd - System.nanoTime())));
                lines.add(strangerLine(subject, entry.getKey(), granted.get(entry.getKey()), entry.getValue(), grace));
            }
            lines.add(retained(subject, open, publisher));
            lines.add(oversized(subject, open, owner, publisher, inbox));
        } catch (MqttException e) {
            lines.add(CheckLine.fail(subject + " MQTT", "the probe broke off: " + Failure.describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lines.add(CheckLine.fail(subject + " MQTT", "interrupted"));
        } finally {
            open.reversed().forEach(ProbeClient::close);
        }
        return lines;
    }

    private void subscribeStranger(List<ProbeClient> open, Map<String, ProbeClient> strangers,
                                   Map<String, Integer> granted, String name, String filter) throws MqttException {
        ProbeClient stranger = connect(open, Optional.empty());
        strangers.put(name, stranger);
        granted.put(name, stranger.subscribe(filter));
    }

    private static CheckLine strangerLine(String subject, String name, int qos, ProbeClient stranger, Duration grace) {
        String what = subject + " subscriber to " + name;
        List<ProbeClient.Delivery> got = stranger.received();
        if (!got.isEmpty()) {
            return CheckLine.fail(what, "received " + got.size() + " message(s), the first on "
                    + shown(got.getFirst().topic()) + ": the broker's read ACL does not hold");
        }
        String how = qos == 128 ? "the subscription was refused" : "subscribed, and the read ACL filtered it";
        return CheckLine.ok(what, "received nothing within " + grace.toMillis() + " ms after the inbox's own "
                + "subscriber had the probe (" + how + ")");
    }

    private CheckLine retained(String subject, List<ProbeClient> open, ProbeClient publisher)
            throws MqttException, InterruptedException {
        String what = subject + " retained messages";
        InboxId inbox = InboxId.random();
        byte[] planted = "parley check retained".getBytes(StandardCharsets.UTF_8);
        ProbeClient planter = connect(open, Optional.empty());
        String refused;
        try {
            planter.publish(topic(inbox), planted, true);
            refused = planter.awaitLost(Duration.ofMillis(500)) ? "the broker closed the connection" : "";
        } catch (MqttException e) {
            refused = "the broker closed the connection";
        }
        ProbeClient later = connect(open, Optional.of(inbox));
        later.subscribe(topic(inbox));
        byte[] control = "parley check control".getBytes(StandardCharsets.UTF_8);
        publisher.publish(topic(inbox), control, false);
        if (!later.awaitDelivery(d -> Arrays.equals(d.payload(), control), timeout)) {
            return CheckLine.fail(what, "cannot judge: a live message to a fresh inbox did not arrive within "
                    + timeout.toSeconds() + " s");
        }
        boolean kept = later.received().stream().anyMatch(d -> d.retained() || Arrays.equals(d.payload(), planted));
        if (kept) {
            publisher.publish(topic(inbox), new byte[0], true); // an empty retained payload deletes the planted one
            return CheckLine.fail(what, "a later subscriber got the retained message: anyone can plant one in an "
                    + "inbox (set retain_available false)");
        }
        return CheckLine.ok(what, refused.isEmpty() ? "not kept: a later subscriber got only the live message"
                : "refused: " + refused + ", and a later subscriber got only the live message");
    }

    private CheckLine oversized(String subject, List<ProbeClient> open, ProbeClient owner, ProbeClient publisher,
                                InboxId inbox) throws MqttException, InterruptedException {
        String what = subject + " packet size limit";
        byte[] big = new byte[PACKET_BOUND];
        ProbeClient sender = connect(open, Optional.empty());
        boolean closed;
        try {
            sender.publish(topic(inbox), big, false);
            closed = sender.awaitLost(timeout);
        } catch (MqttException e) {
            closed = true;
        }
        byte[] control = "parley check control".getBytes(StandardCharsets.UTF_8);
        publisher.publish(topic(inbox), control, false);
        if (!owner.awaitDelivery(d -> Arrays.equals(d.payload(), control), timeout)) {
            return CheckLine.fail(what, "cannot judge: a live message after the big one did not arrive within "
                    + timeout.toSeconds() + " s");
        }
        String size = String.format(java.util.Locale.ROOT, "%,d", PACKET_BOUND);
        if (owner.received().stream().anyMatch(d -> d.payload().length == big.length)) {
            return CheckLine.fail(what, "a publish of " + size + " payload bytes was delivered: set max_packet_size "
                    + PACKET_BOUND + " and message_size_limit");
        }
        if (!closed) {
            return CheckLine.fail(what, "a publish of " + size + " payload bytes was dropped but the connection stayed "
                    + "open: the broker read the whole packet (set max_packet_size " + PACKET_BOUND + ")");
        }
        return CheckLine.ok(what, "a publish of " + size + " payload bytes (a packet over " + size + ") closed the "
                + "connection and was not delivered");
    }

    private ProbeClient connect(List<ProbeClient> open, Optional<InboxId> id) throws MqttException {
        ProbeClient client = ProbeClient.connect(url, tls, id, timeout);
        open.add(client);
        return client;
    }

    static String topic(InboxId inbox) {
        return "/chats/" + inbox.value() + "/messages";
    }

    /** A topic for the report, with any inbox id cut to its first six characters (an id is a read capability). */
    static String shown(String topic) {
        return topic.replaceAll("([A-Za-z0-9_-]{6})[A-Za-z0-9_-]{37}", "$1…");
    }
}
