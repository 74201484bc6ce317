package parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static parley.protocol.Payloads.KEY;
import static parley.protocol.Payloads.ME;
import static parley.protocol.Payloads.PEER;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import parley.protocol.Chunk;
import parley.protocol.FileGone;
import parley.protocol.FileWant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.crypto.MessageId;
import parley.crypto.NodeOracle;

/** Whole payloads between {@link PayloadCodec} and a crypto-js client written the obvious way, both directions. */
class PayloadCodecInteropIT {
    private static NodeOracle node;

    @BeforeAll
    static void startNode() {
        node = NodeOracle.start();
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        node.close();
    }

    @ParameterizedTest(name = "crypto-js {0}")
    @ValueSource(strings = {"3", "4"})
    void javaOpensWhatCryptoJsSeals(String lib) {
        Msg msg = new Msg(MessageId.random(), ME, 42, Payloads.TS, "Grüße 👋🏽 \"hi\"\n\u0001 </b>");
        JsonObject plaintext = new JsonObject();
        plaintext.addProperty("t", "msg");
        plaintext.addProperty("id", msg.id().value());
        plaintext.addProperty("to", ME.value());
        plaintext.addProperty("seq", 42);
        plaintext.addProperty("ts", Payloads.TS);
        plaintext.addProperty("text", msg.text());
        JsonObject request = NodeOracle.request("seal", "lib", lib, "key", KEY.passphrase());
        request.add("plaintext", plaintext);

        byte[] payload = node.callString(request).getBytes(StandardCharsets.UTF_8);

        assertThat(PayloadCodec.open(payload, List.of(KEY), ME)).isEqualTo(new Opened.Accepted(msg, KEY));
    }

    @ParameterizedTest(name = "crypto-js {0}")
    @ValueSource(strings = {"3", "4"})
    void javaOpensAJoinCryptoJsSeals(String lib) {
        Join join = new Join(MessageId.random(), ME, 1, Payloads.TS, PEER, Payloads.EPK, Optional.of("Bob"));
        JsonObject plaintext = new JsonObject();
        plaintext.addProperty("t", "join");
        plaintext.addProperty("id", join.id().value());
        plaintext.addProperty("to", ME.value());
        plaintext.addProperty("seq", 1);
        plaintext.addProperty("ts", Payloads.TS);
        plaintext.addProperty("inbox", PEER.value());
        plaintext.addProperty("epk", Payloads.EPK.encoded());
        plaintext.addProperty("name", "Bob");
        JsonObject request = NodeOracle.request("seal", "lib", lib, "key", KEY.passphrase());
        request.add("plaintext", plaintext);

        byte[] payload = node.callString(request).getBytes(StandardCharsets.UTF_8);

        assertThat(PayloadCodec.open(payload, List.of(KEY), ME)).isEqualTo(new Opened.Accepted(join, KEY));
    }

    @ParameterizedTest(name = "crypto-js {0}")
    @ValueSource(strings = {"3", "4"})
    void cryptoJsOpensWhatJavaSeals(String lib) {
        for (Plaintext plaintext : PayloadCodecTest.everyType()) {
            String payload = new String(PayloadCodec.seal(plaintext, KEY), StandardCharsets.UTF_8);
            JsonElement opened = node.call(NodeOracle.request("open", "lib", lib, "key", KEY.passphrase(),
                    "payload", payload));
            JsonObject fields = opened.getAsJsonObject();
            assertThat(fields.get("t").getAsString()).isEqualTo(plaintext.type());
            assertThat(fields.get("id").getAsString()).isEqualTo(plaintext.id().value());
            assertThat(fields.get("to").getAsString()).isEqualTo(ME.value());
            assertThat(fields.get("ts").getAsLong()).isEqualTo(plaintext.ts());
            switch (plaintext) {
                case Msg msg -> assertThat(fields.get("text").getAsString()).isEqualTo(msg.text());
                case Ack ack -> assertThat(fields.get("ids")).isEqualTo(idsOf(ack));
                case Join join -> assertThat(fields.get("epk").getAsString()).isEqualTo(join.epk().encoded());
                case Welcome welcome -> assertThat(fields.get("inbox").getAsString())
                        .isEqualTo(welcome.inbox().value());
                case Rekey rekey -> assertThat(fields.get("epoch").getAsLong()).isEqualTo(rekey.epoch());
                case RekeyOk rekeyOk -> assertThat(fields.get("epoch").getAsLong()).isEqualTo(rekeyOk.epoch());
                case FileWant want -> assertThat(fields.get("have").getAsInt()).isEqualTo(want.have());
                case Chunk chunk -> assertThat(fields.get("data").getAsString()).isEqualTo(chunk.data());
                case FileGone gone -> assertThat(fields.get("file").getAsString()).isEqualTo(gone.file().value());
            }
        }
    }

    private static JsonArray idsOf(Ack ack) {
        JsonArray ids = new JsonArray();
        ack.ids().forEach(id -> ids.add(id.value()));
        return JsonParser.parseString(ids.toString()).getAsJsonArray();
    }
}
