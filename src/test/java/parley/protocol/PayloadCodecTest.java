package parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static parley.protocol.Payloads.EPK;
import static parley.protocol.Payloads.KEY;
import static parley.protocol.Payloads.ME;
import static parley.protocol.Payloads.PEER;
import static parley.protocol.Payloads.TS;
import static parley.protocol.Payloads.envelope;
import static parley.protocol.Payloads.envelopeAround;
import static parley.protocol.Payloads.msgJson;
import static parley.protocol.Payloads.sealedJson;
import static parley.protocol.Payloads.utf8;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import parley.crypto.Base64Url;
import parley.crypto.ChunkCipher;
import parley.crypto.FileKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import parley.crypto.ChatKey;
import parley.crypto.CryptoJsAes;
import parley.crypto.DecryptionException;
import parley.crypto.MacKey;
import parley.crypto.MessageId;
import parley.crypto.RawCiphertext;

class PayloadCodecTest {
    static List<Plaintext> everyType() {
        return List.of(Payloads.join(), Payloads.welcome(), Payloads.msg("hi 👋🏽 \"quoted\" \\ \n </script>"),
                Payloads.ack(), Payloads.rekey(), Payloads.rekeyOk());
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void roundTripsEveryType(Plaintext plaintext) {
        Opened opened = PayloadCodec.open(PayloadCodec.seal(plaintext, KEY), List.of(KEY), ME);
        assertThat(opened).isEqualTo(new Opened.Accepted(plaintext, KEY));
    }

    @Test
    void sealsTheEnvelopeOnOneLine() {
        String payload = new String(PayloadCodec.seal(Payloads.msg("x"), KEY), StandardCharsets.UTF_8);
        assertThat(payload).matches("\\{\"v\":1,\"ct\":\"U2FsdGVkX1[A-Za-z0-9+/]+={0,2}\",\"mac\":\"[0-9a-f]{64}\"}");
    }

    @Test
    void sealsTheProtocolFieldNames() throws DecryptionException {
        Msg msg = new Msg(MessageId.random(), ME, 5, TS, "hello");
        assertThat(plaintextOf(PayloadCodec.seal(msg, KEY))).isEqualTo("{\"t\":\"msg\",\"id\":\"" + msg.id().value()
                + "\",\"to\":\"" + ME.value() + "\",\"seq\":5,\"ts\":" + TS + ",\"text\":\"hello\"}");
        Ack ack = new Ack(MessageId.random(), ME, TS, List.of(msg.id()));
        assertThat(plaintextOf(PayloadCodec.seal(ack, KEY))).isEqualTo("{\"t\":\"ack\",\"id\":\"" + ack.id().value()
                + "\",\"to\":\"" + ME.value() + "\",\"ts\":" + TS + ",\"ids\":[\"" + msg.id().value() + "\"],\"files\":1}");
        Join join = new Join(msg.id(), ME, 1, TS, PEER, EPK, Optional.of("Al"));
        assertThat(plaintextOf(PayloadCodec.seal(join, KEY))).endsWith(",\"seq\":1,\"ts\":" + TS + ",\"inbox\":\""
                + PEER.value() + "\",\"epk\":\"" + EPK.encoded() + "\",\"name\":\"Al\"}");
        RekeyOk rekeyOk = new RekeyOk(msg.id(), ME, 9, TS, 3, EPK);
        assertThat(plaintextOf(PayloadCodec.seal(rekeyOk, KEY)))
                .startsWith("{\"t\":\"rekey-ok\",")
                .endsWith(",\"seq\":9,\"ts\":" + TS + ",\"epoch\":3,\"epk\":\"" + EPK.encoded() + "\"}");
    }

    @Test
    void aManifestAndTheChunkTypesSealTheirFieldNames() throws DecryptionException {
        FileKey fileKey = FileKey.random();
        String sha = Base64Url.encode(new byte[32]);
        Msg manifest = new Msg(MessageId.random(), ME, 6, TS, "[file]", Optional.of(new FileManifest("a.png",
                70_000, "image/png", 2, sha, fileKey)));
        assertThat(plaintextOf(PayloadCodec.seal(manifest, KEY))).endsWith(",\"text\":\"[file]\",\"file\":{"
                + "\"name\":\"a.png\",\"size\":70000,\"type\":\"image/png\",\"chunk\":65536,\"count\":2,"
                + "\"sha256\":\"" + sha + "\",\"key\":\"" + fileKey.encoded() + "\"}}");
        FileWant want = new FileWant(MessageId.random(), ME, TS, manifest.id(), 1, List.of(1));
        assertThat(plaintextOf(PayloadCodec.seal(want, KEY))).endsWith(",\"ts\":" + TS + ",\"file\":\""
                + manifest.id().value() + "\",\"have\":1,\"want\":[1]}");
        FileGone gone = new FileGone(MessageId.random(), ME, TS, manifest.id());
        assertThat(plaintextOf(PayloadCodec.seal(gone, KEY))).startsWith("{\"t\":\"fgone\",")
                .endsWith(",\"file\":\"" + manifest.id().value() + "\"}");
        assertThat(PayloadCodec.open(PayloadCodec.seal(manifest, KEY), List.of(KEY), ME))
                .isEqualTo(new Opened.Accepted(manifest, KEY));
    }

    @Test
    void aChunkFitsTheSizeLimitWithRoomToSpare() {
        Chunk chunk = Chunk.of(MessageId.random(), ME, Plaintext.MAX_SAFE_INTEGER, MessageId.random(), 1_599,
                new byte[ChunkCipher.SEALED_SIZE]);
        byte[] sealed = PayloadCodec.seal(chunk, KEY);
        assertThat(sealed.length).as("docs/protocol.md 9.2: at most 116,888 bytes").isLessThanOrEqualTo(116_888)
                .isLessThan(PayloadCodec.MAX_PAYLOAD_BYTES);
        assertThat(PayloadCodec.open(sealed, List.of(KEY), ME)).isInstanceOf(Opened.Accepted.class);
    }

    @Test
    void aJoinWithoutANameLeavesTheFieldOut() throws DecryptionException {
        Join join = new Join(MessageId.random(), ME, 1, TS, PEER, EPK, Optional.empty());
        assertThat(plaintextOf(PayloadCodec.seal(join, KEY))).doesNotContain("name");
    }

    @Test
    void theWorstCaseMessageFitsTheSizeLimit() {
        // every byte a control character: the longest JSON escape there is
        Msg worst = new Msg(MessageId.random(), ME, Plaintext.MAX_SAFE_INTEGER, Plaintext.MAX_SAFE_INTEGER,
                "\u0001".repeat(Msg.MAX_TEXT_BYTES));
        byte[] payload = PayloadCodec.seal(worst, KEY);
        assertThat(payload.length).isEqualTo(131_396).isLessThanOrEqualTo(PayloadCodec.MAX_PAYLOAD_BYTES);
        assertThat(PayloadCodec.open(payload, List.of(KEY), ME)).isInstanceOf(Opened.Accepted.class);
    }

    @Test
    void picksWhicheverCandidateKeyVerifies() {
        ChatKey older = ChatKey.random();
        Msg msg = Payloads.msg("under the older key");
        Opened opened = PayloadCodec.open(PayloadCodec.seal(msg, older), List.of(KEY, older), ME);
        assertThat(opened).isEqualTo(new Opened.Accepted(msg, older));
    }

    @Test
    void ignoresUnknownFields() {
        MessageId id = MessageId.random();
        String json = msgJson(id, "hi").replace("}", ",\"future\":{\"x\":[1,2]},\"v2\":true}");
        assertThat(PayloadCodec.open(sealedJson(json, KEY), List.of(KEY), ME))
                .isEqualTo(new Opened.Accepted(new Msg(id, ME, 3, TS, "hi"), KEY));
    }

    @Test
    void readsAnEmptyNameAsNoName() {
        Join join = Payloads.join();
        String json = "{\"t\":\"join\",\"id\":\"" + join.id().value() + "\",\"to\":\"" + ME.value()
                + "\",\"seq\":1,\"ts\":" + TS + ",\"inbox\":\"" + PEER.value() + "\",\"epk\":\"" + EPK.encoded()
                + "\",\"name\":\"\"}";
        Opened opened = PayloadCodec.open(sealedJson(json, KEY), List.of(KEY), ME);
        assertThat(opened).isInstanceOfSatisfying(Opened.Accepted.class,
                accepted -> assertThat(((Join) accepted.plaintext()).name()).isEmpty());
    }

    @Test
    void acceptsAPayloadExactlyAtTheLimit() {
        byte[] sealed = PayloadCodec.seal(Payloads.msg("x"), KEY);
        byte[] padded = new byte[PayloadCodec.MAX_PAYLOAD_BYTES];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(sealed, 0, padded, 0, sealed.length);
        assertThat(PayloadCodec.open(padded, List.of(KEY), ME)).isInstanceOf(Opened.Accepted.class);
    }

    static List<String> theSealedEnvelopeWrittenOtherWays() {
        return List.of("{\"mac\":MAC,\"ct\":CT,\"v\":1}", " {\n  \"v\" : 1 ,\"ct\":CT,\"mac\":MAC }\n",
                "{\"v\":1,\"ct\":CT,\"mac\":MAC,\"later\":{\"x\":[1]}}");
    }

    /** The fast reading of the sealed form must not be the only one: any strict JSON of the same fields opens. */
    @ParameterizedTest
    @MethodSource("theSealedEnvelopeWrittenOtherWays")
    void opensTheEnvelopeWrittenAnotherWay(String template) {
        Msg msg = Payloads.msg("hi");
        String sealed = new String(PayloadCodec.seal(msg, KEY), StandardCharsets.US_ASCII);
        String ct = sealed.substring(sealed.indexOf("\"ct\":") + 5, sealed.indexOf(",\"mac\""));
        String mac = sealed.substring(sealed.indexOf("\"mac\":") + 6, sealed.length() - 1);
        byte[] rewritten = utf8(template.replace("CT", ct.replace("/", "\\/").replace("U2", "\\u00552"))
                .replace("MAC", mac));

        assertThat(PayloadCodec.open(rewritten, List.of(KEY), ME)).isEqualTo(new Opened.Accepted(msg, KEY));
    }

    // ---- one test per drop reason and way to reach it ----

    @Test
    void dropsAnOversizedPayload() {
        byte[] sealed = PayloadCodec.seal(Payloads.msg("x"), KEY);
        byte[] padded = new byte[PayloadCodec.MAX_PAYLOAD_BYTES + 1];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(sealed, 0, padded, 0, sealed.length);
        assertDropped(padded, DropReason.OVERSIZED);
    }

    @Test
    void dropsNotJson() {
        assertDropped(utf8("hello"), DropReason.NOT_JSON);
    }

    @Test
    void dropsAnEmptyPayload() {
        assertDropped(new byte[0], DropReason.NOT_JSON);
    }

    @Test
    void dropsANullPayload() {
        assertDropped(null, DropReason.NOT_JSON);
    }

    @Test
    void dropsInvalidUtf8AroundTheJson() {
        byte[] sealed = PayloadCodec.seal(Payloads.msg("x"), KEY);
        byte[] broken = Arrays.copyOf(sealed, sealed.length + 1);
        broken[sealed.length] = (byte) 0xff;
        assertDropped(broken, DropReason.NOT_JSON);
    }

    @Test
    void dropsDataAfterTheJson() {
        assertDropped(utf8(new String(PayloadCodec.seal(Payloads.msg("x"), KEY), StandardCharsets.UTF_8) + "{}"),
                DropReason.NOT_JSON);
    }

    @Test
    void dropsDuplicateEnvelopeKeys() {
        String sealed = new String(PayloadCodec.seal(Payloads.msg("x"), KEY), StandardCharsets.UTF_8);
        assertDropped(utf8(sealed.replace("{\"v\":1,", "{\"v\":1,\"v\":1,")), DropReason.NOT_JSON);
    }

    @Test
    void dropsADuplicateKeyAfterTheSealedFields() {
        String sealed = new String(PayloadCodec.seal(Payloads.msg("x"), KEY), StandardCharsets.UTF_8);
        String other = new String(PayloadCodec.seal(Payloads.msg("y"), KEY), StandardCharsets.UTF_8);
        String otherCt = other.substring(other.indexOf("\"ct\":"), other.indexOf(",\"mac\""));
        assertDropped(utf8(sealed.replace("}", "," + otherCt + "}")), DropReason.NOT_JSON);
    }

    @Test
    void dropsLenientJson() {
        String sealed = new String(PayloadCodec.seal(Payloads.msg("x"), KEY), StandardCharsets.UTF_8);
        assertDropped(utf8(sealed.replace("\"v\":1", "'v':1")), DropReason.NOT_JSON);
    }

    @Test
    void dropsVersion2() {
        String ct = CryptoJsAes.encrypt(msgJson(MessageId.random(), "x"), KEY.passphrase());
        assertDropped(envelope("2", ct, MacKey.derive(KEY).mac(ct)), DropReason.BAD_VERSION);
    }

    @Test
    void dropsAMissingVersion() {
        String ct = CryptoJsAes.encrypt(msgJson(MessageId.random(), "x"), KEY.passphrase());
        assertDropped(utf8("{\"ct\":\"" + ct + "\",\"mac\":\"" + MacKey.derive(KEY).mac(ct) + "\"}"),
                DropReason.BAD_VERSION);
    }

    @Test
    void dropsAVersionString() {
        String ct = CryptoJsAes.encrypt(msgJson(MessageId.random(), "x"), KEY.passphrase());
        assertDropped(envelope("\"1\"", ct, MacKey.derive(KEY).mac(ct)), DropReason.BAD_VERSION);
    }

    @Test
    void dropsAFractionalVersion() {
        String ct = CryptoJsAes.encrypt(msgJson(MessageId.random(), "x"), KEY.passphrase());
        assertDropped(envelope("1.0", ct, MacKey.derive(KEY).mac(ct)), DropReason.BAD_VERSION);
    }

    @Test
    void dropsAnEnvelopeThatIsAnArray() {
        assertDropped(utf8("[1,\"ct\",\"mac\"]"), DropReason.BAD_ENVELOPE);
    }

    @Test
    void dropsACiphertextThatIsNotAString() {
        assertDropped(utf8("{\"v\":1,\"ct\":42,\"mac\":\"" + "0".repeat(64) + "\"}"), DropReason.BAD_ENVELOPE);
    }

    @Test
    void dropsAMissingMac() {
        assertDropped(utf8("{\"v\":1,\"ct\":\"" + CryptoJsAes.encrypt("{}", KEY.passphrase()) + "\"}"),
                DropReason.BAD_ENVELOPE);
    }

    @Test
    void dropsAMacOfTheWrongLength() {
        String ct = CryptoJsAes.encrypt(msgJson(MessageId.random(), "x"), KEY.passphrase());
        assertDropped(envelope("1", ct, MacKey.derive(KEY).mac(ct).substring(2)), DropReason.BAD_MAC);
    }

    @Test
    void dropsAnUppercaseMac() {
        String ct = CryptoJsAes.encrypt(msgJson(MessageId.random(), "x"), KEY.passphrase());
        assertDropped(envelope("1", ct, MacKey.derive(KEY).mac(ct).toUpperCase()), DropReason.BAD_MAC);
    }

    @Test
    void dropsABitFlippedCiphertext() {
        String ct = CryptoJsAes.encrypt(msgJson(MessageId.random(), "x"), KEY.passphrase());
        String mac = MacKey.derive(KEY).mac(ct);
        char[] flipped = ct.toCharArray();
        flipped[30] = flipped[30] == 'A' ? 'B' : 'A';
        assertDropped(envelope("1", new String(flipped), mac), DropReason.BAD_MAC);
    }

    @Test
    void dropsAPayloadUnderAnotherKey() {
        assertDropped(PayloadCodec.seal(Payloads.msg("x"), ChatKey.random()), DropReason.BAD_MAC);
    }

    @Test
    void dropsEverythingWhenThereIsNoCandidateKey() {
        assertThat(PayloadCodec.open(PayloadCodec.seal(Payloads.msg("x"), KEY), List.of(), ME))
                .isEqualTo(Opened.Rejected.because(DropReason.BAD_MAC));
    }

    @Test
    void dropsBadPaddingUnderAValidMac() {
        String ct = RawCiphertext.unpadded(RawCiphertext.blockWithBadPadding(), KEY.passphrase());
        assertDropped(envelopeAround(ct, KEY), DropReason.BAD_CIPHERTEXT);
    }

    @Test
    void dropsACiphertextWithoutTheSaltHeaderUnderAValidMac() {
        assertDropped(envelopeAround("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", KEY), DropReason.BAD_CIPHERTEXT);
    }

    @Test
    void dropsANonBase64CiphertextUnderAValidMac() {
        assertDropped(envelopeAround("not base64!", KEY), DropReason.BAD_CIPHERTEXT);
    }

    @Test
    void dropsInvalidUtf8UnderAValidMac() {
        String ct = RawCiphertext.padded(new byte[] {'{', '}', (byte) 0xc3}, KEY.passphrase());
        assertDropped(envelopeAround(ct, KEY), DropReason.BAD_UTF8);
    }

    @Test
    void dropsAPlaintextArray() {
        assertDropped(sealedJson("[{\"t\":\"msg\"}]", KEY), DropReason.NOT_OBJECT);
    }

    @Test
    void dropsAPlaintextThatIsNotJson() {
        assertDropped(sealedJson("just words", KEY), DropReason.NOT_OBJECT);
    }

    @Test
    void dropsAPlaintextWithDuplicateKeys() {
        MessageId id = MessageId.random();
        assertDropped(sealedJson(msgJson(id, "x").replace("}", ",\"text\":\"y\"}"), KEY), DropReason.NOT_OBJECT);
    }

    @Test
    void dropsAMissingTypeAsMalformedAndNotAckable() {
        assertDropped(sealedJson(msgJson(MessageId.random(), "x").replace("\"t\":\"msg\",", ""), KEY),
                DropReason.MALFORMED);
    }

    @Test
    void dropsAnUnknownTypeAsMalformed() {
        assertDropped(sealedJson(msgJson(MessageId.random(), "x").replace("\"msg\"", "\"poke\""), KEY),
                DropReason.MALFORMED);
    }

    @Test
    void dropsAMsgWithAMalformedIdWithoutAckingIt() {
        assertDropped(sealedJson(msgJson(MessageId.random(), "x").replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"short\""),
                KEY), DropReason.MALFORMED);
    }

    @Test
    void dropsAMsgWithAMissingSeqButAcksIt() {
        MessageId id = MessageId.random();
        assertAckable(sealedJson(msgJson(id, "x").replace("\"seq\":3,", ""), KEY), id);
    }

    @Test
    void dropsAMsgWithASeqStringButAcksIt() {
        MessageId id = MessageId.random();
        assertAckable(sealedJson(msgJson(id, "x").replace("\"seq\":3", "\"seq\":\"3\""), KEY), id);
    }

    @Test
    void dropsAFractionalSeq() {
        MessageId id = MessageId.random();
        assertAckable(sealedJson(msgJson(id, "x").replace("\"seq\":3", "\"seq\":3.5"), KEY), id);
    }

    @Test
    void dropsAnExponentSeq() {
        MessageId id = MessageId.random();
        assertAckable(sealedJson(msgJson(id, "x").replace("\"seq\":3", "\"seq\":3e0"), KEY), id);
    }

    @Test
    void dropsSeqZero() {
        MessageId id = MessageId.random();
        assertAckable(sealedJson(msgJson(id, "x").replace("\"seq\":3", "\"seq\":0"), KEY), id);
    }

    @Test
    void dropsASeqBeyondWhatJavaScriptHolds() {
        MessageId id = MessageId.random();
        assertAckable(sealedJson(msgJson(id, "x").replace("\"seq\":3", "\"seq\":9007199254740992"), KEY), id);
    }

    @Test
    void dropsASeqBeyondALong() {
        MessageId id = MessageId.random();
        assertAckable(sealedJson(msgJson(id, "x").replace("\"seq\":3", "\"seq\":99999999999999999999"), KEY), id);
    }

    @Test
    void dropsANegativeTimestamp() {
        MessageId id = MessageId.random();
        assertAckable(sealedJson(msgJson(id, "x").replace("\"ts\":" + TS, "\"ts\":-1"), KEY), id);
    }

    @Test
    void dropsATextThatIsTooLongButAcksItUnderTheMatchingKey() {
        MessageId id = MessageId.random();
        ChatKey older = ChatKey.random();
        Opened opened = PayloadCodec.open(sealedJson(msgJson(id, "x".repeat(Msg.MAX_TEXT_BYTES + 1)), older),
                List.of(KEY, older), ME);
        assertThat(opened).isEqualTo(new Opened.Rejected(DropReason.MALFORMED, Optional.of(id), Optional.of(older)));
    }

    @Test
    void dropsAnEmptyTextButAcksIt() {
        MessageId id = MessageId.random();
        assertAckable(sealedJson(msgJson(id, ""), KEY), id);
    }

    @Test
    void dropsAPlaintextWithALoneSurrogateEscape() {
        // strict JSON refuses an unpaired surrogate escape before any field is read, so there is no id to ack
        assertDropped(sealedJson(msgJson(MessageId.random(), "a\\ud83d b"), KEY), DropReason.NOT_OBJECT);
    }

    @Test
    void dropsAMsgWithAMalformedToButAcksIt() {
        MessageId id = MessageId.random();
        assertAckable(sealedJson(msgJson(id, "x").replace(ME.value(), "me"), KEY), id);
    }

    @Test
    void dropsAJoinWithAnInvalidEpkWithoutAckingIt() {
        Join join = Payloads.join();
        String json = "{\"t\":\"join\",\"id\":\"" + join.id().value() + "\",\"to\":\"" + ME.value()
                + "\",\"seq\":1,\"ts\":" + TS + ",\"inbox\":\"" + PEER.value() + "\",\"epk\":\""
                + "A" + EPK.encoded().substring(1) + "\"}";
        assertDropped(sealedJson(json, KEY), DropReason.MALFORMED);
    }

    @Test
    void dropsAJoinWhoseNameIsTooLong() {
        Join join = Payloads.join();
        String json = "{\"t\":\"join\",\"id\":\"" + join.id().value() + "\",\"to\":\"" + ME.value()
                + "\",\"seq\":1,\"ts\":" + TS + ",\"inbox\":\"" + PEER.value() + "\",\"epk\":\"" + EPK.encoded()
                + "\",\"name\":\"" + "n".repeat(65) + "\"}";
        assertDropped(sealedJson(json, KEY), DropReason.MALFORMED);
    }

    /** Names a hostile peer could send to steer a terminal or pose as someone else (docs/protocol.md, section 3). */
    static List<String> hostileNames() {
        return List.of("Bob\\u001b[2J", "\\u001b]0;owned\\u0007", "Bob\\r\\nAlice: hi", "\\u202eecilA", "A\\u2066B",
                "x\\u0085y", "nul\\u0000", "\\ufffd");
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void dropsAJoinOrWelcomeWhoseNameHasControlOrBidiCharacters(String escapedName) {
        for (String type : List.of("join", "welcome")) {
            String json = "{\"t\":\"" + type + "\",\"id\":\"" + MessageId.random().value() + "\",\"to\":\"" + ME.value()
                    + "\",\"seq\":1,\"ts\":" + TS + ",\"inbox\":\"" + PEER.value() + "\",\"epk\":\"" + EPK.encoded()
                    + "\",\"name\":\"" + escapedName + "\"}";
            assertDropped(sealedJson(json, KEY), DropReason.MALFORMED);
        }
    }

    @Test
    void takesAJoinWhoseNameIsMarkupAsText() {
        String name = "<html><img src=http://127.0.0.1:9/p>";
        String json = "{\"t\":\"join\",\"id\":\"" + MessageId.random().value() + "\",\"to\":\"" + ME.value()
                + "\",\"seq\":1,\"ts\":" + TS + ",\"inbox\":\"" + PEER.value() + "\",\"epk\":\"" + EPK.encoded()
                + "\",\"name\":\"" + name + "\"}";
        assertThat(PayloadCodec.open(sealedJson(json, KEY), List.of(KEY), ME)).isInstanceOfSatisfying(
                Opened.Accepted.class, accepted -> assertThat(((Join) accepted.plaintext()).name()).contains(name));
    }

    @Test
    void dropsAWelcomeWithoutInbox() {
        String json = "{\"t\":\"welcome\",\"id\":\"" + MessageId.random().value() + "\",\"to\":\"" + ME.value()
                + "\",\"seq\":1,\"ts\":" + TS + ",\"epk\":\"" + EPK.encoded() + "\"}";
        assertDropped(sealedJson(json, KEY), DropReason.MALFORMED);
    }

    @Test
    void dropsAnAckWithoutIds() {
        assertDropped(sealedJson(ackJson("[]"), KEY), DropReason.MALFORMED);
    }

    @Test
    void dropsAnAckWithTooManyIds() {
        StringBuilder ids = new StringBuilder("[");
        for (int i = 0; i <= Ack.MAX_IDS; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(MessageId.random().value()).append('"');
        }
        assertDropped(sealedJson(ackJson(ids.append(']').toString()), KEY), DropReason.MALFORMED);
    }

    @Test
    void dropsAnAckWhoseIdsAreNotIds() {
        assertDropped(sealedJson(ackJson("[42]"), KEY), DropReason.MALFORMED);
    }

    @Test
    void dropsARekeyForEpochZero() {
        String json = "{\"t\":\"rekey\",\"id\":\"" + MessageId.random().value() + "\",\"to\":\"" + ME.value()
                + "\",\"seq\":1,\"ts\":" + TS + ",\"epoch\":0,\"epk\":\"" + EPK.encoded() + "\"}";
        assertDropped(sealedJson(json, KEY), DropReason.MALFORMED);
    }

    @Test
    void dropsAMsgForAnotherInboxWithoutAckingIt() {
        Msg msg = new Msg(MessageId.random(), PEER, 2, TS, "reflected");
        assertDropped(PayloadCodec.seal(msg, KEY), DropReason.WRONG_RECIPIENT);
    }

    private static String ackJson(String ids) {
        return "{\"t\":\"ack\",\"id\":\"" + MessageId.random().value() + "\",\"to\":\"" + ME.value() + "\",\"ts\":"
                + TS + ",\"ids\":" + ids + "}";
    }

    private static String plaintextOf(byte[] payload) throws DecryptionException {
        String json = new String(payload, StandardCharsets.UTF_8);
        String ct = json.substring(json.indexOf("\"ct\":\"") + 6, json.indexOf("\",\"mac\""));
        return CryptoJsAes.decrypt(ct, KEY.passphrase());
    }

    private static void assertDropped(byte[] payload, DropReason reason) {
        assertThat(PayloadCodec.open(payload, List.of(KEY), ME)).isEqualTo(Opened.Rejected.because(reason));
    }

    private static void assertAckable(byte[] payload, MessageId id) {
        assertThat(PayloadCodec.open(payload, List.of(KEY), ME))
                .isEqualTo(new Opened.Rejected(DropReason.MALFORMED, Optional.of(id), Optional.of(KEY)));
    }
}
