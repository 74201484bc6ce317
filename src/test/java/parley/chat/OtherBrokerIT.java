package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.InboxId;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.RecordingFront;
import parley.testing.SystemRoots;
import parley.testing.TestBroker;
import parley.transport.BrokerProfile;
import parley.crypto.ChatId;

/**
 * An invite that names another broker than the joiner's own gets neither the joiner's login nor the trust of the
 * joiner's CA file: a real second broker (its own name, port and certificate, in front of a real Mosquitto)
 * records every CONNECT, on the join and after a restart.
 */
@ExtendWith(BrokerStackExtension.class)
class OtherBrokerIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TestBroker.Credentials CAROL_LOGIN = new TestBroker.Credentials("carol-login", "carol-secret");
    private static final String BOB_USER = "bob-login";
    private static final String BOB_PASSWORD = "bob-secret-7f3a";

    @Test
    void aJoinToAnotherBrokerSendsNoLoginOnJoinNorAfterARestart(BrokerStack stack, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("front"));
        try (RecordingFront other = RecordingFront.start(stack, dir.resolve("front"), RecordingFront.Issuer.OWN_CA,
                Optional.of(CAROL_LOGIN));
             SystemRoots roots = SystemRoots.plus(other.caFile(), dir);
             Party carol = Party.start("Carol", dir.resolve("carol"), other, Optional.of(other.mqttsUri()),
                     Optional.empty(), Party.fastTimings())) {
            Party bob = Party.start("Bob", dir.resolve("bob"), bobsOwnBroker(stack), Party.fastTimings());
            try {
                PendingInvite invite = carol.service.createInvite(Optional.empty()).get();
                ChatId chat = bob.service.join(invite.link()).get();
                bob.await(ChatEvent.ChatReady.class, r -> r.chat().equals(chat), WAIT);
                carol.await(ChatEvent.ChatReady.class, r -> true, WAIT);
                assertThat(bob.service.chat(chat).get().broker())
                        .isEqualTo(new ChatBroker(RecordingFront.HOST + ":" + other.port(), false));

                InboxId bobsInbox = bob.ownInbox(chat);
                List<RecordingFront.Connect> bobs = connectsOf(other, bobsInbox);
                assertThat(bobs).as("Bob's CONNECTs to the other broker").isNotEmpty();
                assertThat(bobs).noneMatch(RecordingFront.Connect::carriesLogin);
                assertThat(other.connects()).as("the front records logins: Carol's own broker gets hers")
                        .anyMatch(c -> c.username().equals(Optional.of(CAROL_LOGIN.username()))
                                && c.password().equals(Optional.of(CAROL_LOGIN.password())));
                assertNoTraceOfBobsLogin(other);

                bob.service.send(chat, "over Carol's broker").get();
                carol.awaitReceived(carol.service.chats().get().getFirst().id(), 1, WAIT);

                // a restart connects again: still without the login
                int before = bobs.size();
                bob.close();
                bob = Party.start("Bob", dir.resolve("bob"), bobsOwnBroker(stack), Party.fastTimings());
                Party restarted = bob;
                await("Bob's chat online again after the restart", () -> restarted.service.chat(chat).join()
                        .connection().status() == Chat.Connection.Status.ONLINE);
                assertThat(connectsOf(other, bobsInbox)).hasSizeGreaterThan(before)
                        .noneMatch(RecordingFront.Connect::carriesLogin);
                assertNoTraceOfBobsLogin(other);
            } finally {
                bob.close();
            }
        }
    }

    @Test
    void theProfilesCaFileVouchesForItsOwnBrokerOnly(BrokerStack stack, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("front"));
        // a broker whose certificate the stack's CA signed: Bob's CA file would vouch for it, the system does not
        try (RecordingFront other = RecordingFront.start(stack, dir.resolve("front"), RecordingFront.Issuer.STACK_CA,
                Optional.of(CAROL_LOGIN));
             Party carol = Party.start("Carol", dir.resolve("carol"), other, Optional.of(other.mqttsUri()),
                     Optional.empty(), Party.fastTimings());
             Party bob = Party.start("Bob", dir.resolve("bob"), bobsOwnBroker(stack), Party.fastTimings())) {
            PendingInvite invite = carol.service.createInvite(Optional.empty()).get();
            await("Carol (who trusts that CA for her own broker) is connected", () -> carol.service
                    .chat(invite.chat()).join().connection().status() == Chat.Connection.Status.ONLINE);

            ChatId chat = bob.service.join(invite.link()).get();

            await("Bob's connection to the other broker fails on its certificate", () -> {
                Chat.Connection c = bob.service.chat(chat).join().connection();
                return c.status() != Chat.Connection.Status.ONLINE && c.status() != Chat.Connection.Status.CONNECTING
                        && c.detail().contains("not trusted");
            });
            assertThat(other.refusedHandshakes()).as("Bob refused the certificate").isPositive();
            assertThat(connectsOf(other, bob.ownInbox(chat))).as("no CONNECT from Bob got through").isEmpty();
            assertThat(bob.service.chat(chat).get().phase()).isEqualTo(ChatPhase.JOINING);
        }
    }

    /** Bob's own broker is the stack, with a login of his (which must reach no other broker). */
    private static BrokerProfile bobsOwnBroker(BrokerStack stack) {
        return new BrokerProfile(Optional.of(stack.mqttsUri()), Optional.of(stack.wssUri()), Optional.empty(),
                Optional.of(stack.caFile()), Optional.of(BOB_USER), Optional.of(BOB_PASSWORD));
    }

    private static List<RecordingFront.Connect> connectsOf(RecordingFront front, InboxId inbox) {
        return front.connects().stream().filter(c -> c.clientId().equals(inbox.value())).toList();
    }

    private static void assertNoTraceOfBobsLogin(RecordingFront front) {
        assertThat(front.connects()).as("no CONNECT carries Bob's username or password")
                .noneMatch(c -> c.username().equals(Optional.of(BOB_USER))
                        || c.password().equals(Optional.of(BOB_PASSWORD)));
    }

    private static void await(String what, Supplier<Boolean> condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (condition.get()) return;
            Party.sleep(50);
        }
        throw new AssertionError("waited " + WAIT + " for: " + what);
    }
}
