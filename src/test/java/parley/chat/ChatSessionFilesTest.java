package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import parley.crypto.Base64Url;
import parley.crypto.ChatId;
import parley.crypto.ChatKey;
import parley.crypto.ChunkCipher;
import parley.crypto.CryptoJsAes;
import parley.crypto.FileKey;
import parley.crypto.InboxId;
import parley.crypto.MacKey;
import parley.crypto.MessageId;
import parley.protocol.Ack;
import parley.protocol.Chunk;
import parley.protocol.DropReason;
import parley.protocol.FileWant;
import parley.protocol.Msg;
import parley.protocol.PayloadCodec;
import parley.protocol.Plaintext;

/** Files and pictures (docs/protocol.md section 9) between two services on the in-memory broker and manual clock. */
class ChatSessionFilesTest extends ChatLabTest {
    private ChatId[] chats;

    @BeforeEach
    void connect() {
        chats = lab.connect(alice, bob);
        lab.advance(Duration.ofSeconds(1));
    }

    @Test
    void aFileArrivesWholeAndTheSenderSeesItDelivered() throws IOException {
        Path file = file("report.pdf", 3 * ChunkCipher.CHUNK_SIZE + 1234, 1);
        Message sent = sendFile(alice, chats[0], file);
        assertThat(sent.attachment()).hasValueSatisfying(a -> {
            assertThat(a.name()).isEqualTo("report.pdf");
            assertThat(a.chunkCount()).isEqualTo(4);
            assertThat(a.state()).isEqualTo(TransferState.SENDING);
        });
        lab.advance(Duration.ofSeconds(1));
        assertThat(bob.received(chats[1])).hasSize(1);
        assertThat(attachment(bob, chats[1], sent.id()).state()).isEqualTo(TransferState.COMPLETE);
        assertThat(read(bob, chats[1], sent.id())).isEqualTo(Files.readAllBytes(file));
        assertThat(attachment(alice, chats[0], sent.id()).state()).isEqualTo(TransferState.DELIVERED);
        assertThat(bob.drops(chats[1], DropReason.BAD_CHUNK)).isZero();

        Path downloads = Files.createDirectory(dir.resolve("Downloads"));
        Path saved = bob.service.files().save(chats[1], sent.id(), downloads).join();
        Path again = bob.service.files().save(chats[1], sent.id(), downloads).join();
        assertThat(saved.getFileName()).hasToString("report.pdf");
        assertThat(again.getFileName()).as("never over another file").hasToString("report (1).pdf");
        assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(file));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
    }

    @Test
    void aFileLargerThanTheAutomaticSizeWaitsForTheUserAndPausesAndResumes() throws IOException {
        bob.done(bob.service.files().setAutoDownloadLimit(100_000));
        Path file = file("video.mp4", 20 * ChunkCipher.CHUNK_SIZE, 2);
        lab.broker.hold();
        Message sent = sendFile(alice, chats[0], file);
        lab.broker.release();
        lab.advance(Duration.ofSeconds(1));
        assertThat(attachment(bob, chats[1], sent.id()).state()).isEqualTo(TransferState.OFFERED);
        assertThat(attachment(bob, chats[1], sent.id()).chunksHeld()).isZero();

        lab.broker.hold(); // chunks come in a window: pause after the first ones
        bob.done(bob.service.files().download(chats[1], sent.id()));
        lab.broker.deliver(alice.inbox(chats[0]));
        lab.broker.deliver(bob.inbox(chats[1]));
        bob.done(bob.service.files().stop(chats[1], sent.id()));
        Attachment paused = attachment(bob, chats[1], sent.id());
        assertThat(paused.state()).isEqualTo(TransferState.PAUSED);
        assertThat(paused.chunksHeld()).isBetween(1, FileWant.WINDOW);
        lab.broker.release();
        lab.advance(Duration.ofMinutes(2));
        assertThat(attachment(bob, chats[1], sent.id()).state()).as("paused stays paused")
                .isEqualTo(TransferState.PAUSED);

        bob.done(bob.service.files().download(chats[1], sent.id()));
        lab.advance(Duration.ofSeconds(1));
        assertThat(attachment(bob, chats[1], sent.id()).state()).isEqualTo(TransferState.COMPLETE);
        assertThat(read(bob, chats[1], sent.id())).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void theReceiverOfflineDuringTheSendFetchesItWhenBack() throws IOException {
        lab.broker.goDown();
        Message sent = sendFile(alice, chats[0], file("photo.png", 5 * ChunkCipher.CHUNK_SIZE, 3));
        lab.advance(Duration.ofSeconds(30));
        lab.broker.comeBack();
        lab.advance(Duration.ofSeconds(10));
        assertThat(attachment(bob, chats[1], sent.id()).state()).isEqualTo(TransferState.COMPLETE);
        assertThat(attachment(alice, chats[0], sent.id()).state()).isEqualTo(TransferState.DELIVERED);
    }

    @Test
    void lostChunksAreAskedForAgainAfterASilence() throws IOException {
        Path file = file("notes.txt", 10 * ChunkCipher.CHUNK_SIZE, 4);
        lab.broker.hold();
        Message sent = sendFile(alice, chats[0], file);
        lab.broker.deliver(bob.inbox(chats[1])); // the manifest: bob asks for the first window
        lab.broker.deliver(alice.inbox(chats[0])); // alice answers with 8 chunks, which the broker then loses
        lab.broker.dropQueued(bob.inbox(chats[1]));
        lab.broker.release();
        assertThat(attachment(bob, chats[1], sent.id()).chunksHeld()).isZero();
        lab.advance(Duration.ofSeconds(11));
        assertThat(attachment(bob, chats[1], sent.id()).state()).isEqualTo(TransferState.COMPLETE);
        assertThat(read(bob, chats[1], sent.id())).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aTamperedAForeignAndAReplayedChunkAreDroppedCountedAndTheFileStillArrives() throws IOException {
        Message first = sendFile(alice, chats[0], file("holiday.jpg", 3 * ChunkCipher.CHUNK_SIZE, 5));
        lab.advance(Duration.ofSeconds(1));
        assertThat(attachment(bob, chats[1], first.id()).state()).isEqualTo(TransferState.COMPLETE);
        InboxId bobInbox = bob.inbox(chats[1]);
        ChatKey key = alice.key(chats[0]);
        Chunk foreign = chunksTo(bobInbox, first.id()).getFirst();

        // a second file, into which an attacker holding the chat key feeds bad chunks
        lab.broker.hold();
        Path file = file("second.bin", 10 * ChunkCipher.CHUNK_SIZE, 6);
        Message second = sendFile(alice, chats[0], file);
        lab.broker.deliver(bobInbox); // the manifest: bob asks alice for chunks 0 to 7
        byte[] tampered = foreign.sealed();
        tampered[100] ^= 1;
        inject(bobInbox, Chunk.of(MessageId.random(), bobInbox, 1, second.id(), 0, tampered), key);
        inject(bobInbox, Chunk.of(MessageId.random(), bobInbox, 1, second.id(), 0, foreign.sealed()), key);
        assertThat(bob.drops(chats[1], DropReason.BAD_CHUNK)).as("tampered, and another file's").isEqualTo(2);

        lab.broker.deliver(alice.inbox(chats[0])); // alice answers with chunks 0 to 7
        inject(bobInbox, chunksTo(bobInbox, second.id()).getFirst(), key); // behind them: a replay of chunk 0
        assertThat(bob.drops(chats[1], DropReason.DUPLICATE)).as("a replay of a chunk held").isEqualTo(1);
        inject(bobInbox, Chunk.of(MessageId.random(), bobInbox, 1, MessageId.random(), 0, tampered), key);
        assertThat(bob.drops(chats[1], DropReason.UNEXPECTED)).as("a file never announced").isEqualTo(1);

        lab.broker.release();
        lab.advance(Duration.ofSeconds(11));
        assertThat(attachment(bob, chats[1], second.id()).state()).isEqualTo(TransferState.COMPLETE);
        assertThat(read(bob, chats[1], second.id())).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aManifestLyingAboutItsSizeOrCountIsRefusedAndStillAcked() {
        InboxId bobInbox = bob.inbox(chats[1]);
        ChatKey key = alice.key(chats[0]);
        String sha = Base64Url.encode(new byte[32]);
        String fileKey = FileKey.random().encoded();
        for (String file : List.of(
                "{\"name\":\"a.bin\",\"size\":200000,\"type\":\"application/pdf\",\"chunk\":65536,\"count\":2,",
                "{\"name\":\"a.bin\",\"size\":104857601,\"type\":\"application/pdf\",\"chunk\":65536,\"count\":1601,",
                "{\"name\":\"../a.bin\",\"size\":10,\"type\":\"application/pdf\",\"chunk\":65536,\"count\":1,",
                "{\"name\":\"a.bin\",\"size\":10,\"type\":\"application/pdf\",\"chunk\":131072,\"count\":1,")) {
            String id = MessageId.random().value();
            inject(bobInbox, "{\"t\":\"msg\",\"id\":\"" + id + "\",\"to\":\"" + bobInbox.value()
                    + "\",\"seq\":50,\"ts\":1,\"text\":\"[file]\",\"file\":" + file + "\"sha256\":\"" + sha
                    + "\",\"key\":\"" + fileKey + "\"}}", key);
        }
        assertThat(bob.drops(chats[1], DropReason.MALFORMED)).isEqualTo(4);
        assertThat(bob.received(chats[1])).isEmpty();
        lab.advance(Duration.ofSeconds(1));
        assertThat(alice.sentTo(chats[0], alice.inbox(chats[0])).stream().filter(Ack.class::isInstance)
                .mapToInt(a -> ((Ack) a).ids().size()).sum()).as("acked so its sender stops").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aFileWhoseChunksDoNotMatchItsDigestFailsAndNothingIsShown() throws IOException {
        // a sender (holding the chat key) announcing one digest and sending other bytes; alice hears nothing of it
        lab.broker.hold();
        InboxId bobInbox = bob.inbox(chats[1]);
        ChatKey key = alice.key(chats[0]);
        FileKey fileKey = FileKey.random();
        MessageId id = MessageId.random();
        byte[] chunk = new byte[ChunkCipher.CHUNK_SIZE];
        inject(bobInbox, new Msg(id, bobInbox, 60, 1, "[file]", java.util.Optional.of(new parley.protocol.FileManifest(
                "x.bin", chunk.length, "application/octet-stream", 1, Base64Url.encode(new byte[32]), fileKey))), key);
        inject(bobInbox, Chunk.of(MessageId.random(), bobInbox, 1, id, 0,
                ChunkCipher.seal(fileKey, id.value(), 0, 1, chunk, chunk.length)), key);
        Attachment a = attachment(bob, chats[1], id);
        assertThat(a.state()).isEqualTo(TransferState.FAILED);
        assertThat(a.problem()).hasValue("the file does not match what its sender announced");
        assertThat(bob.drops(chats[1], DropReason.BAD_CHUNK)).isEqualTo(1);
        assertThatThrownBy(() -> bob.service.files().open(chats[1], id).join()).hasCauseInstanceOf(ChatException.class);
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeAnythingIsSent() throws IOException {
        Path big = dir.resolve("disk.img");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(Attachment.MAX_SIZE + 1);
        }
        int published = lab.broker.publishedTo(bob.inbox(chats[1])).size();
        assertThatThrownBy(() -> alice.service.files().send(chats[0], big).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ChatException.class)
                .hasMessageContaining("104,857,601 bytes").hasMessageContaining("up to 104,857,600 bytes");
        assertThat(lab.broker.publishedTo(bob.inbox(chats[1]))).hasSize(published);
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        assertThatThrownBy(() -> alice.service.files().send(chats[0], empty).join()).cause()
                .hasMessageContaining("empty");
    }

    @Test
    void anOlderPeerThatAcksWithoutFilesMakesTheFileUnsupported() throws IOException {
        lab.broker.hold(); // bob never sees it: the ack comes from an older Parley
        Message sent = sendFile(alice, chats[0], file("a.txt", 10, 7));
        InboxId aliceInbox = alice.inbox(chats[0]);
        inject(aliceInbox, new Ack(MessageId.random(), aliceInbox, 1, List.of(sent.id()), false), bob.key(chats[1]));
        Attachment a = attachment(alice, chats[0], sent.id());
        assertThat(a.state()).isEqualTo(TransferState.UNSUPPORTED);
        assertThat(a.problem()).hasValueSatisfying(p -> assertThat(p).contains("cannot receive files"));
    }

    @Test
    void aCancelledFileIsGoneOnTheOtherSide() throws IOException {
        bob.done(bob.service.files().setAutoDownloadLimit(0));
        Message sent = sendFile(alice, chats[0], file("a.txt", 100, 8));
        lab.advance(Duration.ofSeconds(1));
        alice.done(alice.service.files().stop(chats[0], sent.id()));
        lab.advance(Duration.ofSeconds(1));
        assertThat(attachment(alice, chats[0], sent.id()).state()).isEqualTo(TransferState.CANCELLED);
        assertThat(attachment(bob, chats[1], sent.id()).state()).isEqualTo(TransferState.GONE);
    }

    @Test
    void theSenderRestartingMidTransferResumesAndDeletingTheChatDeletesItsFiles() throws IOException {
        Path file = file("big.bin", 30 * ChunkCipher.CHUNK_SIZE, 9);
        lab.broker.hold();
        Message sent = sendFile(alice, chats[0], file);
        lab.broker.deliver(bob.inbox(chats[1]));
        lab.broker.deliver(alice.inbox(chats[0]));
        lab.broker.deliver(bob.inbox(chats[1]));
        alice.close();
        lab.broker.release();
        ChatLab.Peer alice2 = lab.peer("alice");
        lab.advance(Duration.ofSeconds(30));
        assertThat(attachment(bob, chats[1], sent.id()).state()).isEqualTo(TransferState.COMPLETE);
        assertThat(read(bob, chats[1], sent.id())).isEqualTo(Files.readAllBytes(file));
        assertThat(attachment(alice2, chats[0], sent.id()).state()).isEqualTo(TransferState.DELIVERED);

        Path bobsFiles = dir.resolve("bob").resolve("files").resolve(chats[1].value());
        assertThat(bobsFiles).isDirectory();
        bob.done(bob.service.delete(chats[1]));
        assertThat(bobsFiles).doesNotExist();
    }

    @Test
    void chunksSentAcrossARekeyStillOpenAndDoNotCountTowardTheNextOne() throws IOException {
        Path file = file("slides.pdf", 20 * ChunkCipher.CHUNK_SIZE, 10);
        lab.broker.hold();
        Message sent = sendFile(alice, chats[0], file);
        lab.broker.deliver(bob.inbox(chats[1]));
        lab.broker.deliver(alice.inbox(chats[0])); // the first window is on its way under epoch 0
        long sentBefore = alice.record(chats[0]).sentSinceRekey;
        alice.done(alice.service.rekey(chats[0]));
        lab.broker.release();
        lab.advance(Duration.ofSeconds(30));
        assertThat(alice.chat(chats[0]).epoch()).isEqualTo(1);
        assertThat(attachment(bob, chats[1], sent.id()).state()).isEqualTo(TransferState.COMPLETE);
        assertThat(read(bob, chats[1], sent.id())).isEqualTo(Files.readAllBytes(file));
        assertThat(alice.record(chats[0]).sentSinceRekey).as("20 chunks are not 20 messages")
                .isLessThanOrEqualTo(sentBefore);
    }

    @Test
    void theInviterWhoseInboxMovedAfterTheJoinReceivesAFileWholeToo() throws IOException {
        // the inviter's session closed its invite inbox and reconnected on its own one: its downloads live on
        Path file = file("photo.bin", 2 * ChunkCipher.CHUNK_SIZE + 7, 9);
        Message sent = sendFile(bob, chats[1], file);
        lab.advance(Duration.ofSeconds(1));
        assertThat(attachment(alice, chats[0], sent.id()).state()).isEqualTo(TransferState.COMPLETE);
        assertThat(read(alice, chats[0], sent.id())).isEqualTo(Files.readAllBytes(file));
        assertThat(attachment(bob, chats[1], sent.id()).state()).isEqualTo(TransferState.DELIVERED);
    }

    // ---- helpers ----

    private Path file(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    /** The file is sealed on the service's file thread; the test waits for it, then runs what it set off. */
    private Message sendFile(ChatLab.Peer peer, ChatId chat, Path file) {
        Message m = peer.service.files().send(chat, file).join();
        lab.time.runDue();
        return m;
    }

    private Attachment attachment(ChatLab.Peer peer, ChatId chat, MessageId id) {
        return peer.done(peer.service.history(chat, Long.MAX_VALUE, 100)).stream().filter(m -> m.id().equals(id))
                .findFirst().orElseThrow().attachment().orElseThrow();
    }

    private byte[] read(ChatLab.Peer peer, ChatId chat, MessageId id) throws IOException {
        try (InputStream in = peer.done(peer.service.files().open(chat, id))) {
            return in.readAllBytes();
        }
    }

    private List<Chunk> chunksTo(InboxId inbox, MessageId file) {
        return alice.sentTo(chats[0], inbox).stream().filter(Chunk.class::isInstance).map(Chunk.class::cast)
                .filter(c -> c.file().equals(file)).toList();
    }

    private void inject(InboxId to, Plaintext plaintext, ChatKey key) {
        lab.broker.inject(to, PayloadCodec.seal(plaintext, key), false);
        lab.broker.deliver(to);
        lab.time.runDue();
    }

    private void inject(InboxId to, String json, ChatKey key) {
        String ct = CryptoJsAes.encrypt(json, key.passphrase());
        lab.broker.inject(to, ("{\"v\":1,\"ct\":\"" + ct + "\",\"mac\":\"" + MacKey.derive(key).mac(ct) + "\"}")
                .getBytes(StandardCharsets.UTF_8), false);
        lab.broker.deliver(to);
        lab.time.runDue();
    }
}
