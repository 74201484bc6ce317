package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.Base64Url;
import parley.crypto.ChatId;
import parley.crypto.ChatKey;
import parley.crypto.ChunkCipher;
import parley.crypto.CryptoJsAes;
import parley.crypto.FileKey;
import parley.crypto.InboxId;
import parley.crypto.MacKey;
import parley.crypto.MessageId;
import parley.protocol.Chunk;
import parley.protocol.DropReason;
import parley.protocol.PayloadCodec;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.Rogue;

/**
 * Files through the real broker stack (docs/protocol.md section 9): a 20 MiB file over mqtts with text still
 * flowing beside it, the receiver away during the send, the broker killed in the middle, the sender's app closed
 * in the middle; a rogue subscribed to every topic gets nothing of any of it.
 */
@ExtendWith(BrokerStackExtension.class)
class FileTransferIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static BrokerStack stack;
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void stack(BrokerStack s) {
        stack = s;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    @Test
    void twentyMebibytesArriveWholeWhileTextStillArrivesWithinASecondAndARogueGetsNothing() throws Exception {
        Rogue rogue = Rogue.connect(stack, "rogue-files", "#");
        open.add(rogue);
        Party alice = party("alice");
        Party bob = party("bob");
        ChatId[] chats = connect(alice, bob);
        Path file = file("screen-recording.webm", 20 * 1024 * 1024, 1);

        Message sent = alice.service.files().send(chats[0], file).join();
        awaitState(bob, chats[1], sent.id(), TransferState.OFFERED, Duration.ofSeconds(20)); // over 16 MiB: asks first
        bob.service.files().download(chats[1], sent.id()).join();
        long started = System.nanoTime();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            awaitHeldAtLeast(bob, chats[1], sent.id(), 40 * (i + 1));
            String text = "while the file goes " + i;
            long start = System.nanoTime();
            alice.service.send(chats[0], text).join();
            bob.await(ChatEvent.MessageAdded.class, e -> e.message().text().equals(text), Duration.ofSeconds(20));
            latencies.add((System.nanoTime() - start) / 1_000_000);
        }
        awaitState(bob, chats[1], sent.id(), TransferState.COMPLETE, WAIT);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        awaitState(alice, chats[0], sent.id(), TransferState.DELIVERED, WAIT);
        assertThat(digest(bob, chats[1], sent.id())).isEqualTo(digest(file));
        System.out.println("FileTransferIT: 20 MiB over mqtts in " + tookMs + " ms");
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.println("FileTransferIT: text beside a 20 MiB transfer arrived in " + latencies + " ms (median "
                + sorted.get(2) + ")");
        assertThat(sorted.get(2)).as("median ms for a text message sent during the transfer").isLessThan(1_000);
        assertThat(bob.service.drops(chats[1]).join()).doesNotContainKey(DropReason.BAD_CHUNK);
        assertThat(rogue.received()).as("what a rogue subscribed to # got").isEmpty();
    }

    @Test
    void theReceiverAwayDuringTheSendGetsTheFileWhenItComesBack() throws Exception {
        Party alice = party("alice");
        Party bob = party("bob");
        ChatId[] chats = connect(alice, bob);
        bob.close();
        open.remove(bob);
        Path file = file("photos.zip", 3 * 1024 * 1024 + 17, 2);
        Message sent = alice.service.files().send(chats[0], file).join();
        alice.awaitOwn(chats[0], Delivery.SENT, 1, Duration.ofSeconds(20));

        Party bobAgain = party("bob");
        awaitState(bobAgain, chats[1], sent.id(), TransferState.COMPLETE, WAIT);
        assertThat(digest(bobAgain, chats[1], sent.id())).isEqualTo(digest(file));
        awaitState(alice, chats[0], sent.id(), TransferState.DELIVERED, WAIT);
    }

    @Test
    void aTransferResumesAfterTheBrokerIsKilledAndAfterTheSenderRestarts() throws Exception {
        Party alice = party("alice");
        Party bob = party("bob");
        ChatId[] chats = connect(alice, bob);
        Path file = file("archive.tar", 12 * 1024 * 1024, 3);
        Message sent = alice.service.files().send(chats[0], file).join();

        awaitHeldAtLeast(bob, chats[1], sent.id(), 20);
        stack.killBroker();
        int heldAtKill = attachment(bob, chats[1], sent.id()).chunksHeld();
        stack.startBroker();
        awaitHeldAtLeast(bob, chats[1], sent.id(), heldAtKill + 40);

        alice.close(); // the sender's app goes away in the middle, and comes back
        open.remove(alice);
        int heldWhileAway = attachment(bob, chats[1], sent.id()).chunksHeld();
        assertThat(heldWhileAway).isLessThan(192);
        Party aliceAgain = party("alice");
        awaitState(bob, chats[1], sent.id(), TransferState.COMPLETE, WAIT);
        assertThat(digest(bob, chats[1], sent.id())).isEqualTo(digest(file));
        awaitState(aliceAgain, chats[0], sent.id(), TransferState.DELIVERED, WAIT);
    }

    @Test
    void aPeerThatBreaksTheProtocolOnPurposeIsDroppedCountedAndTheFileStillArrives() throws Exception {
        Party alice = party("alice");
        Party bob = party("bob");
        ChatId[] chats = connect(alice, bob);
        ChatKey key = bob.chatKey(chats[1]); // the attacker holds the chat's key: a peer gone bad, or a stolen key
        InboxId bobInbox = bob.ownInbox(chats[1]);
        String topic = "/chats/" + bobInbox.value() + "/messages";
        Rogue attacker = Rogue.connect(stack, "attacker", "/chats/" + InboxId.random().value() + "/messages");
        open.add(attacker);

        // a manifest lying about its chunk count, and one naming a path: refused, never shown
        for (String lie : List.of("\"name\":\"big.iso\",\"size\":1000000,\"type\":\"application/octet-stream\","
                + "\"chunk\":65536,\"count\":2", "\"name\":\"../../.profile\",\"size\":10,\"type\":\"text/plain\","
                + "\"chunk\":65536,\"count\":1")) {
            String json = "{\"t\":\"msg\",\"id\":\"" + MessageId.random().value() + "\",\"to\":\"" + bobInbox.value()
                    + "\",\"seq\":900,\"ts\":1,\"text\":\"[file]\",\"file\":{" + lie + ",\"sha256\":\""
                    + Base64Url.encode(new byte[32]) + "\",\"key\":\"" + FileKey.random().encoded() + "\"}}";
            String ct = CryptoJsAes.encrypt(json, key.passphrase());
            attacker.publish(topic, ("{\"v\":1,\"ct\":\"" + ct + "\",\"mac\":\"" + MacKey.derive(key).mac(ct) + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII), false);
        }
        Party.eventually(WAIT, () -> assertThat(bob.service.drops(chats[1]).join())
                .containsEntry(DropReason.MALFORMED, 2L));

        Path file = file("contract.pdf", 6 * 1024 * 1024, 4);
        Message sent = alice.service.files().send(chats[0], file).join();
        awaitHeldAtLeast(bob, chats[1], sent.id(), 8);
        bob.service.files().stop(chats[1], sent.id()).join(); // paused: the last chunk cannot have come yet
        int count = attachment(bob, chats[1], sent.id()).chunkCount();
        byte[] garbage = new byte[ChunkCipher.SEALED_SIZE];
        new Random(5).nextBytes(garbage);
        FileKey otherKey = FileKey.random();
        byte[] foreign = ChunkCipher.seal(otherKey, MessageId.random().value(), count - 1, count,
                new byte[ChunkCipher.CHUNK_SIZE], ChunkCipher.CHUNK_SIZE);
        for (byte[] bad : List.of(garbage, foreign)) {
            attacker.publish(topic, PayloadCodec.seal(Chunk.of(MessageId.random(), bobInbox, 1, sent.id(), count - 1,
                    bad), key), false);
        }
        Party.eventually(WAIT, () -> assertThat(bob.service.drops(chats[1]).join())
                .containsEntry(DropReason.BAD_CHUNK, 2L));
        bob.service.files().download(chats[1], sent.id()).join();
        awaitState(bob, chats[1], sent.id(), TransferState.COMPLETE, WAIT);
        assertThat(digest(bob, chats[1], sent.id())).isEqualTo(digest(file));
        assertThat(bob.service.history(chats[1], Long.MAX_VALUE, 10).join()).as("what bob is shown").hasSize(1);
    }

    // ---- helpers ----

    private Party party(String name) {
        Party p = Party.start(name, dir.resolve(name), stack, Optional.of(stack.mqttsUri()),
                Optional.of(stack.wssUri()), Party.fastTimings());
        open.add(p);
        return p;
    }

    private ChatId[] connect(Party a, Party b) {
        PendingInvite invite = a.service.createInvite(Optional.empty()).join();
        ChatId bChat = b.service.join(invite.link()).join();
        a.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), Duration.ofSeconds(20));
        b.await(ChatEvent.ChatReady.class, e -> e.chat().equals(bChat), Duration.ofSeconds(20));
        return new ChatId[] {invite.chat(), bChat};
    }

    private Path file(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    static Attachment attachment(Party p, ChatId chat, MessageId id) {
        return p.service.history(chat, Long.MAX_VALUE, 200).join().stream().filter(m -> m.id().equals(id))
                .findFirst().flatMap(Message::attachment)
                .orElseThrow(() -> new AssertionError(p + " has no file message " + id));
    }

    static void awaitState(Party p, ChatId chat, MessageId id, TransferState state, Duration timeout) {
        Party.eventually(timeout, () -> {
            List<Message> history = p.service.history(chat, Long.MAX_VALUE, 200).join();
            assertThat(history.stream().filter(m -> m.id().equals(id)).findFirst().flatMap(Message::attachment)
                    .map(Attachment::state)).as(p + "'s file").hasValue(state);
        });
    }

    private static void awaitHeldAtLeast(Party p, ChatId chat, MessageId id, int chunks) {
        Party.eventually(WAIT, () -> assertThat(p.service.history(chat, Long.MAX_VALUE, 200).join().stream()
                .filter(m -> m.id().equals(id)).findFirst().flatMap(Message::attachment)
                .map(Attachment::chunksHeld).orElse(0)).as(p + "'s chunks held").isGreaterThanOrEqualTo(chunks));
    }

    static String digest(Party p, ChatId chat, MessageId id) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = p.service.files().open(chat, id).join()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    static String digest(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
