package parley.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.invite.Invite;
import parley.invite.InviteLink;
import parley.protocol.Join;
import parley.protocol.Opened;
import parley.protocol.PayloadCodec;
import parley.protocol.Welcome;

/**
 * A strict peer written on Paho directly: it is connected and subscribed to its own inbox J before any link
 * exists, sends its join exactly once, the moment it is handed the link, and never re-sends (Parley's own joiner
 * hides a join lost at the broker by re-sending it). An inviter answers it only if its invite inbox was subscribed
 * when the link appeared.
 */
public final class StrictJoiner implements AutoCloseable {
    private final InboxId inbox = InboxId.random();
    private final EphemeralKeyPair ephemeral = EphemeralKeyPair.generate();
    private final Rogue connection;
    private Invite invite;

    private StrictJoiner(BrokerStack stack) {
        connection = Rogue.connect(stack, inbox.value(), false, topic(inbox));
    }

    public static StrictJoiner connect(BrokerStack stack) {
        return new StrictJoiner(stack);
    }

    private static String topic(InboxId inbox) {
        return "/chats/" + inbox.value() + "/messages";
    }

    /** Sends the one join this peer will ever send for {@code link}, named {@code name}. */
    public void joinOnce(String link, String name) throws Exception {
        joinOnce(link, Optional.of(name));
    }

    /** As {@link #joinOnce(String, String)}; with an empty {@code name} the join says no name, as a web join may. */
    public void joinOnce(String link, Optional<String> name) throws Exception {
        invite = InviteLink.parse(link, Clock.systemUTC());
        connection.publish(topic(invite.inbox()), PayloadCodec.seal(new Join(MessageId.random(), invite.inbox(), 1,
                System.currentTimeMillis(), inbox, ephemeral.publicPoint(), name), invite.key()), false);
    }

    /** The inviter's welcome, opened under the invite key; fails when none came within {@code timeout}. */
    public Welcome awaitWelcome(Duration timeout) throws InterruptedException {
        List<Rogue.Received> got = connection.awaitReceived(1, timeout);
        if (got.isEmpty()) {
            throw new AssertionError("the strict joiner's single join was never answered within " + timeout);
        }
        if (PayloadCodec.open(got.getFirst().payload(), List.of(invite.key()), inbox) instanceof Opened.Accepted a
                && a.plaintext() instanceof Welcome welcome) {
            return welcome;
        }
        throw new AssertionError("the strict joiner got something that is not a welcome under the invite key");
    }

    /** The chat key the welcome agrees. */
    public ChatKey chatKey(Welcome welcome) {
        return ephemeral.deriveChatKey(welcome.epk(), invite.key());
    }

    @Override
    public void close() {
        connection.close();
    }
}
