package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.ChatKey;
import parley.crypto.CryptoJsAes;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.MacKey;
import parley.crypto.MessageId;
import parley.protocol.DropReason;
import parley.protocol.Msg;
import parley.protocol.PayloadCodec;
import parley.protocol.Rekey;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.Rogue;
import parley.crypto.ChatId;

/** Key epochs (docs/protocol.md section 5) between two real chat services through the real broker. */
@ExtendWith(BrokerStackExtension.class)
class RekeyIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static BrokerStack stack;
    private final List<Party> open = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void stack(BrokerStack s) {
        stack = s;
    }

    @AfterEach
    void closeAll() {
        open.reversed().forEach(Party::close);
    }

    private Party party(String name, ChatTimings timings) {
        Party p = Party.start(name, dir.resolve(name), stack, Optional.of(stack.mqttsUri()), Optional.empty(), timings);
        open.add(p);
        return p;
    }

    private ChatId[] connect(Party a, Party b) {
        PendingInvite invite = a.service.createInvite(Optional.empty()).join();
        ChatId bChat = b.service.join(invite.link()).join();
        a.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
        b.await(ChatEvent.ChatReady.class, e -> e.chat().equals(bChat), WAIT);
        return new ChatId[] {invite.chat(), bChat};
    }

    private static void awaitEpoch(Party p, ChatId chat, long epoch) {
        p.await(ChatEvent.ChatChanged.class, e -> e.chat().equals(chat) && e.snapshot().epoch() >= epoch, WAIT);
    }

    @Test
    void bothSidesShowTheSameSafetyCodeAndVerifyByIt() {
        Party alice = party("alice", Party.fastTimings());
        Party bob = party("bob", Party.fastTimings());
        ChatId[] chats = connect(alice, bob);
        var aliceCode = alice.service.safetyCode(chats[0]).join();
        var bobCode = bob.service.safetyCode(chats[1]).join();
        assertThat(aliceCode.digits()).hasSize(20).isEqualTo(bobCode.digits());
        assertThat(aliceCode.grouped()).matches("\\d{4}( \\d{4}){4}");

        alice.service.verify(chats[0], bobCode.qrText()).join();
        assertThat(alice.service.chat(chats[0]).join().verified()).isTrue();
        assertThat(bob.service.chat(chats[1]).join().verified()).isFalse();
        bob.service.rekey(chats[1]).join();
        awaitEpoch(bob, chats[1], 1);
        assertThat(bob.service.safetyCode(chats[1]).join()).isEqualTo(bobCode); // the code belongs to the join
    }

    @Test
    void aRekeyInTheMiddleOfAThousandMessagesLosesNothingAndShowsNothingTwice() {
        Party alice = party("alice", Party.fastTimings());
        Party bob = party("bob", Party.fastTimings());
        ChatId[] chats = connect(alice, bob);
        int each = 500;
        for (int i = 0; i < each; i++) {
            alice.service.send(chats[0], "a" + i);
            bob.service.send(chats[1], "b" + i);
            if (i == each / 2) {
                alice.service.rekey(chats[0]);
            }
        }
        bob.awaitReceived(chats[1], each, Duration.ofSeconds(90));
        alice.awaitReceived(chats[0], each, Duration.ofSeconds(90));
        // every message acknowledged: no re-send is left that could show twice
        alice.awaitOwn(chats[0], Delivery.DELIVERED, each, Duration.ofSeconds(90));
        bob.awaitOwn(chats[1], Delivery.DELIVERED, each, Duration.ofSeconds(90));
        assertThat(bob.receivedTexts(chats[1])).hasSize(each).doesNotHaveDuplicates();
        assertThat(alice.receivedTexts(chats[0])).hasSize(each).doesNotHaveDuplicates();
        assertThat(new HashSet<>(bob.receivedTexts(chats[1]))).isEqualTo(expected("a", each));
        assertThat(new HashSet<>(alice.receivedTexts(chats[0]))).isEqualTo(expected("b", each));
        awaitEpoch(alice, chats[0], 1); // the answer may queue behind a side's last messages
        awaitEpoch(bob, chats[1], 1);
        assertThat(alice.service.chat(chats[0]).join().epoch()).isEqualTo(1);
        assertThat(bob.service.chat(chats[1]).join().epoch()).isEqualTo(1);
        assertThat(alice.chatKey(chats[0])).isEqualTo(bob.chatKey(chats[1]));
    }

    private static HashSet<String> expected(String prefix, int n) {
        HashSet<String> all = new HashSet<>();
        for (int i = 0; i < n; i++) {
            all.add(prefix + i);
        }
        return all;
    }

    @Test
    void simultaneousRekeysResolveToOneNewEpoch() {
        Party alice = party("alice", Party.fastTimings());
        Party bob = party("bob", Party.fastTimings());
        ChatId[] chats = connect(alice, bob);
        var a = alice.service.rekey(chats[0]);
        var b = bob.service.rekey(chats[1]);
        a.join();
        b.join();
        awaitEpoch(alice, chats[0], 1);
        awaitEpoch(bob, chats[1], 1);
        alice.service.send(chats[0], "after the race").join();
        bob.awaitReceived(chats[1], 1, WAIT); // sent and read under the one agreed key (ChatSessionRekeyTest stages the race)
        assertThat(alice.service.chat(chats[0]).join().epoch()).isEqualTo(1);
        assertThat(bob.service.chat(chats[1]).join().epoch()).isEqualTo(1);
        assertThat(alice.chatKey(chats[0])).isEqualTo(bob.chatKey(chats[1]));
    }

    @Test
    void automaticRekeyAfterTheMessageLimit() {
        ChatTimings fewMessages = Party.fastTimings().withRekey(5, Duration.ofDays(7), Duration.ofHours(1));
        Party alice = party("alice", fewMessages);
        Party bob = party("bob", Party.fastTimings());
        ChatId[] chats = connect(alice, bob);
        for (int i = 0; i < 5; i++) {
            alice.service.send(chats[0], "m" + i).join();
        }
        awaitEpoch(alice, chats[0], 1);
        awaitEpoch(bob, chats[1], 1);
        bob.awaitReceived(chats[1], 5, WAIT);
    }

    @Test
    void staleWrongKeyAndMalformedRekeysAreDroppedAndCounted() throws Exception {
        Party alice = party("alice", Party.fastTimings());
        Party bob = party("bob", Party.fastTimings());
        ChatId[] chats = connect(alice, bob);
        ChatKey epoch0 = bob.chatKey(chats[1]);
        alice.service.rekey(chats[0]).join();
        awaitEpoch(alice, chats[0], 1);
        awaitEpoch(bob, chats[1], 1);
        var bobInbox = bob.ownInbox(chats[1]);
        String topic = "/chats/" + bobInbox.value() + "/messages";
        var epk = EphemeralKeyPair.generate().publicPoint();
        byte[] stale = PayloadCodec.seal(new Rekey(MessageId.random(), bobInbox, 900, 1, 1, epk), epoch0);
        byte[] wrongKey = PayloadCodec.seal(new Rekey(MessageId.random(), bobInbox, 901, 1, 2, epk), ChatKey.random());
        String badEpk = "{\"t\":\"rekey\",\"id\":\"" + MessageId.random().value() + "\",\"to\":\"" + bobInbox.value()
                + "\",\"seq\":902,\"ts\":1,\"epoch\":2,\"epk\":\"" + "A".repeat(87) + "\"}";
        ChatKey current = bob.chatKey(chats[1]);
        String ct = CryptoJsAes.encrypt(badEpk, current.passphrase());
        byte[] malformed = ("{\"v\":1,\"ct\":\"" + ct + "\",\"mac\":\"" + MacKey.derive(current).mac(ct) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Rogue rogue = Rogue.connect(stack, "rekey-rogue")) {
            rogue.publish(topic, stale, false);
            rogue.publish(topic, wrongKey, false);
            rogue.publish(topic, malformed, false);
        }
        alice.service.send(chats[0], "still fine").join();
        bob.awaitReceived(chats[1], 1, WAIT);
        Party.eventually(WAIT, () -> assertThat(bob.service.drops(chats[1]).join())
                .containsEntry(DropReason.STALE_EPOCH, 1L)
                .containsEntry(DropReason.BAD_MAC, 1L)
                .containsEntry(DropReason.MALFORMED, 1L));
        assertThat(bob.service.chat(chats[1]).join().epoch()).isEqualTo(1);
    }

    @Test
    void afterTheGraceTheOldKeyIsGoneFromMemoryFilesAndTheWire() throws Exception {
        ChatTimings shortGrace = Party.fastTimings().withRekey(1_000, Duration.ofDays(7), Duration.ofSeconds(1));
        Party alice = party("alice", shortGrace);
        Party bob = party("bob", shortGrace);
        ChatId[] chats = connect(alice, bob);
        ChatKey old = alice.chatKey(chats[0]);
        ChatKey held = alice.heldChatKey(chats[0]);
        var bobInbox = bob.ownInbox(chats[1]);
        byte[] recorded = PayloadCodec.seal(new Msg(MessageId.random(), bobInbox, 500, 1, "recorded"), old);
        assertThat(filesContain(alice.profile, old.passphrase())).as("control: the key is in the profile").isTrue();
        alice.service.rekey(chats[0]).join();
        awaitEpoch(alice, chats[0], 1);
        awaitEpoch(bob, chats[1], 1);
        // both sides use the new key, which starts the grace on the other side
        alice.service.send(chats[0], "new epoch from alice").join();
        bob.service.send(chats[1], "new epoch from bob").join();
        alice.awaitReceived(chats[0], 1, WAIT);
        bob.awaitReceived(chats[1], 1, WAIT);

        for (Party p : List.of(alice, bob)) {
            ChatId chat = p == alice ? chats[0] : chats[1];
            Party.eventually(WAIT, () -> { // a one-second grace (ChatSessionRekeyTest times it exactly)
                List<ChatKey> kept = p.service.call(() -> p.service.session(chat).record.receiveKeys()).join();
                assertThat(kept).as(p + "'s keys").doesNotContain(old);
                assertThat(filesContain(p.profile, old.passphrase())).as(p + "'s profile files hold the old key")
                        .isFalse();
            });
        }
        assertThat(held).as("the erased key's own bytes are zeroed in memory").isNotEqualTo(old);
        assertThat(held.passphrase()).isEqualTo("\0".repeat(43));
        try (Rogue rogue = Rogue.connect(stack, "replayer")) {
            rogue.publish("/chats/" + bobInbox.value() + "/messages", recorded, false);
        }
        Party.eventually(WAIT, () -> assertThat(bob.service.drops(chats[1]).join())
                .containsEntry(DropReason.BAD_MAC, 1L));
        assertThat(bob.receivedTexts(chats[1])).doesNotContain("recorded");
    }

    private static boolean filesContain(Path profile, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                outer:
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (bytes[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }
}
