package parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static parley.protocol.Payloads.KEY;
import static parley.protocol.Payloads.ME;
import static parley.protocol.Payloads.sealedJson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parley.crypto.Base64Url;
import parley.crypto.ChunkCipher;
import parley.crypto.DecryptionException;
import parley.crypto.FileKey;
import parley.crypto.MessageId;

/** protocol-scenarios/files.json: the chunk vector both clients share, and the manifest rules, case by case. */
class FileScenariosTest {
    private static final JsonObject FILE = read();

    private static JsonObject read() {
        try {
            return JsonParser.parseString(Files.readString(Path.of("protocol-scenarios", "files.json")))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException("protocol-scenarios/files.json must be readable", e);
        }
    }

    @Test
    void theChunksAndTheDigestAreTheVectorsAndOpenAgain() throws Exception {
        JsonObject v = FILE.getAsJsonObject("vector");
        FileKey key = FileKey.of("key", v.get("key").getAsString());
        String id = v.get("fileId").getAsString();
        int size = v.get("size").getAsInt();
        int count = v.get("count").getAsInt();
        byte[] file = new byte[size];
        for (int i = 0; i < size; i++) {
            file[i] = (byte) (i % 251);
        }
        assertThat(count).isEqualTo(ChunkCipher.chunkCount(size));
        assertThat(Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(file)))
                .isEqualTo(v.get("sha256").getAsString());
        JsonArray chunks = v.getAsJsonArray("chunks");
        for (int i = 0; i < count; i++) {
            int length = ChunkCipher.lengthOf(i, size);
            byte[] part = java.util.Arrays.copyOfRange(file, i * ChunkCipher.CHUNK_SIZE, i * ChunkCipher.CHUNK_SIZE + length);
            byte[] sealed = ChunkCipher.seal(key, id, i, count, part, length);
            assertThat(Base64Url.encode(sealed)).as("chunk %d", i).isEqualTo(chunks.get(i).getAsString());
            byte[] opened = ChunkCipher.open(key, id, i, count, sealed);
            assertThat(java.util.Arrays.copyOf(opened, length)).isEqualTo(part);
        }
    }

    @Test
    void aChunkMovedToAnotherPlaceOrFileOrTamperedFailsItsTag() throws Exception {
        JsonObject v = FILE.getAsJsonObject("vector");
        FileKey key = FileKey.of("key", v.get("key").getAsString());
        String id = v.get("fileId").getAsString();
        byte[] first = Base64Url.decode("chunk", v.getAsJsonArray("chunks").get(0).getAsString(),
                ChunkCipher.SEALED_SIZE);
        List<ThrowingOpen> wrong = new ArrayList<>();
        wrong.add(() -> ChunkCipher.open(key, id, 1, 2, first));
        wrong.add(() -> ChunkCipher.open(key, MessageId.random().value(), 0, 2, first));
        wrong.add(() -> ChunkCipher.open(key, id, 0, 3, first));
        wrong.add(() -> ChunkCipher.open(FileKey.random(), id, 0, 2, first));
        byte[] flipped = first.clone();
        flipped[ChunkCipher.SEALED_SIZE - 1] ^= 1;
        wrong.add(() -> ChunkCipher.open(key, id, 0, 2, flipped));
        for (ThrowingOpen open : wrong) {
            try {
                open.run();
                throw new AssertionError("a wrong chunk opened");
            } catch (DecryptionException e) {
                assertThat(e.reason()).isEqualTo(DecryptionException.Reason.BAD_TAG);
            }
        }
    }

    private interface ThrowingOpen {
        void run() throws DecryptionException;
    }

    static Stream<Arguments> manifests() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonElement e : FILE.getAsJsonArray("manifests")) {
            JsonObject c = e.getAsJsonObject();
            cases.add(Arguments.of(c.get("name").getAsString(), c.get("file"), c.get("verdict").getAsString()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void aManifestIsTakenOrRefusedAsTheCaseSays(String name, JsonElement file, String verdict) {
        MessageId id = MessageId.random();
        JsonObject msg = new JsonObject();
        msg.addProperty("t", "msg");
        msg.addProperty("id", id.value());
        msg.addProperty("to", ME.value());
        msg.addProperty("seq", 3);
        msg.addProperty("ts", 1);
        msg.addProperty("text", "[file]");
        msg.add("file", file);
        Opened opened = PayloadCodec.open(sealedJson(msg.toString(), KEY), List.of(KEY), ME);
        if (verdict.equals("ok")) {
            assertThat(opened).isInstanceOfSatisfying(Opened.Accepted.class, a -> assertThat(((Msg) a.plaintext())
                    .file()).hasValueSatisfying(f -> assertThat(f.size()).isEqualTo(
                            file.getAsJsonObject().get("size").getAsLong())));
        } else {
            assertThat(opened).isInstanceOfSatisfying(Opened.Rejected.class, r -> {
                assertThat(r.reason().label()).isEqualTo(verdict);
                assertThat(r.ackable()).as("a malformed msg is still acked").hasValue(id);
            });
        }
    }
}
