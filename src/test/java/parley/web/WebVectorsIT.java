package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import parley.crypto.ChatKey;
import parley.crypto.CryptoJsAes;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MacKey;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;
import parley.invite.Invite;
import parley.invite.InviteLink;
import parley.protocol.Ack;
import parley.protocol.Join;
import parley.protocol.Msg;
import parley.protocol.Opened;
import parley.protocol.PayloadCodec;
import parley.protocol.Plaintext;
import parley.protocol.Rekey;
import parley.protocol.RekeyOk;
import parley.protocol.Welcome;

/**
 * The browser client's envelope, key derivation and invite links against the desktop's Java code, both ways: this
 * test writes vectors with the Java codec, runs the browser modules' interop tests in node
 * ({@code web/test/interop}) on them, and opens what the browser code sealed and formatted.
 */
class WebVectorsIT {
    private static final ChatKey KEY = ChatKey.random();
    private static final ChatKey OLD_KEY = ChatKey.random();
    private static final InboxId ME = InboxId.random();
    private static final InboxId PEER = InboxId.random();
    private static final long TS = 1_763_000_000_123L;

    @Test
    void browserCodeAndJavaCodecAgreeBothWays() throws Exception {
        EphemeralKeyPair javaPair = EphemeralKeyPair.generate();
        EphemeralKeyPair peerPair = EphemeralKeyPair.generate();
        List<Plaintext> plaintexts = everyType(javaPair.publicPoint());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        JsonObject vectors = new JsonObject();
        vectors.add("payloads", payloadCases(plaintexts));
        JsonObject toSeal = new JsonObject();
        toSeal.addProperty("key", KEY.passphrase());
        JsonArray toSealPlaintexts = new JsonArray();
        plaintexts.forEach(p -> toSealPlaintexts.add(PlaintextJson.of(p)));
        toSeal.add("plaintexts", toSealPlaintexts);
        vectors.add("toSeal", toSeal);
        vectors.addProperty("now", now.toEpochMilli());
        vectors.addProperty("webBase", "https://localhost:8443/");
        List<Invite> invites = invites(now);
        vectors.add("links", linkCases(invites, now));
        JsonArray toFormat = new JsonArray();
        invites.forEach(i -> toFormat.add(inviteJson(i)));
        vectors.add("linksToFormat", toFormat);
        ChatKey previous = ChatKey.random();
        JsonObject derivation = new JsonObject();
        derivation.addProperty("privatePkcs8", Base64.getEncoder().encodeToString(javaPair.privateKeyBytes()));
        derivation.addProperty("peerEpk", peerPair.publicPoint().encoded());
        derivation.addProperty("previousKey", previous.passphrase());
        derivation.addProperty("derivedKey", javaPair.deriveChatKey(peerPair.publicPoint(), previous).passphrase());
        derivation.addProperty("offCurveEpk", offCurve(peerPair.publicPoint()));
        vectors.add("derivation", derivation);
        vectors.add("safety", safetyCases());
        // a rekey: the next epoch key from epoch n's key as the HKDF salt, Java the initiator, the browser answering
        EphemeralKeyPair initiator = EphemeralKeyPair.generate();
        EphemeralKeyPair responder = EphemeralKeyPair.generate();
        ChatKey epochN = ChatKey.random();
        JsonObject rekey = new JsonObject();
        rekey.addProperty("responderPkcs8", Base64.getEncoder().encodeToString(responder.privateKeyBytes()));
        rekey.addProperty("initiatorEpk", initiator.publicPoint().encoded());
        rekey.addProperty("epochKey", epochN.passphrase());
        rekey.addProperty("nextKey", initiator.deriveChatKey(responder.publicPoint(), epochN).passphrase());
        vectors.add("rekey", rekey);

        Path dir = Path.of(System.getProperty("parley.buildDir", "target")).resolve("web-vectors");
        Files.createDirectories(dir);
        Path in = dir.resolve("vectors.json");
        Path out = dir.resolve("from-browser-code.json");
        Files.deleteIfExists(out);
        Files.writeString(in, vectors.toString());

        runNodeInteropTests(in, out);

        JsonObject fromBrowser = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        JsonArray sealed = fromBrowser.getAsJsonArray("sealed");
        assertThat(sealed).hasSize(plaintexts.size());
        for (int i = 0; i < plaintexts.size(); i++) {
            byte[] payload = sealed.get(i).getAsString().getBytes(StandardCharsets.UTF_8);
            assertThat(PayloadCodec.open(payload, List.of(KEY), ME))
                    .as("Java opens the browser's %s", plaintexts.get(i).type())
                    .isEqualTo(new Opened.Accepted(plaintexts.get(i), KEY));
        }
        JsonArray links = fromBrowser.getAsJsonArray("links");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        for (int i = 0; i < invites.size(); i++) {
            assertThat(InviteLink.parse(links.get(i).getAsString(), clock)).isEqualTo(invites.get(i));
        }
        JsonObject answered = fromBrowser.getAsJsonObject("rekeyAnswer");
        assertThat(initiator.deriveChatKey(PublicPoint.of(answered.get("epk").getAsString()), epochN).passphrase())
                .as("the initiator (Java) derives the epoch key the answering browser derived")
                .isEqualTo(answered.get("key").getAsString());
        JsonObject derived = fromBrowser.getAsJsonObject("derived");
        assertThat(peerPair.deriveChatKey(PublicPoint.of(derived.get("epk").getAsString()), previous).passphrase())
                .as("Java derives the key the browser derived")
                .isEqualTo(derived.get("key").getAsString());
    }

    /** Safety codes by the desktop's SafetyCode.of: random chats, plus inboxes that differ only in their last character. */
    private static JsonArray safetyCases() {
        JsonArray cases = new JsonArray();
        List<InboxId[]> pairs = new ArrayList<>();
        for (int i = 0; i < 20; i++) pairs.add(new InboxId[] {InboxId.random(), InboxId.random()});
        String base = InboxId.random().value().substring(0, 42);
        // ordinal (ASCII) order is not base64 value order: '0' < 'A' in ASCII, but '0' is 52 and 'A' is 0
        pairs.add(new InboxId[] {InboxId.of(base + "A"), InboxId.of(base + "0")});
        pairs.add(new InboxId[] {InboxId.of(base + "w"), InboxId.of(base + "8")});
        for (InboxId[] p : pairs) {
            ChatKey key = ChatKey.random();
            JsonObject c = new JsonObject();
            c.addProperty("key", key.passphrase());
            c.addProperty("a", p[0].value());
            c.addProperty("b", p[1].value());
            c.addProperty("digits", parley.crypto.SafetyCode.of(key, p[0], p[1]).digits());
            cases.add(c);
        }
        return cases;
    }

    private static List<Plaintext> everyType(PublicPoint epk) {
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) ids.add(MessageId.random());
        return List.of(
                new Join(MessageId.random(), ME, 1, TS, PEER, epk, Optional.of("Zoë 👩🏽‍💻")),
                new Join(MessageId.random(), ME, 1, TS, PEER, epk, Optional.empty()),
                new Welcome(MessageId.random(), ME, 1, TS, PEER, epk, Optional.of("x".repeat(64))),
                new Msg(MessageId.random(), ME, 2, TS, "Grüße 👋🏽 \"hi\"\n\u0001 </b> \u2028"),
                new Msg(MessageId.random(), ME, 3, 0, "ü".repeat(8192)),
                new Msg(MessageId.random(), ME, 9_007_199_254_740_991L, 9_007_199_254_740_991L, "max"),
                new Ack(MessageId.random(), ME, TS, ids),
                new Rekey(MessageId.random(), ME, 4, TS, 1, epk),
                new RekeyOk(MessageId.random(), ME, 5, TS, 2, epk));
    }

    private static JsonArray payloadCases(List<Plaintext> plaintexts) {
        JsonArray cases = new JsonArray();
        for (Plaintext p : plaintexts) {
            cases.add(accepted(p.type() + " " + p.id(), PayloadCodec.seal(p, KEY), List.of(OLD_KEY, KEY), 1,
                    PlaintextJson.of(p)));
        }
        Msg msg = (Msg) plaintexts.get(3);
        byte[] sealed = PayloadCodec.seal(msg, KEY);
        cases.add(rejected("under another key", sealed, List.of(OLD_KEY), ME, "bad-mac", null));
        cases.add(rejected("for another inbox", sealed, List.of(KEY), PEER, "wrong-recipient", null));
        String text = new String(sealed, StandardCharsets.US_ASCII);
        cases.add(rejected("version 2", text.replace("{\"v\":1", "{\"v\":2").getBytes(StandardCharsets.US_ASCII),
                List.of(KEY), ME, "bad-version", null));
        cases.add(rejected("duplicate key", text.replace("{\"v\":1", "{\"v\":1,\"v\":1").getBytes(StandardCharsets.US_ASCII),
                List.of(KEY), ME, "not-json", null));
        String id = MessageId.random().value();
        cases.add(rejected("text over 16 KiB, still acked", raw("{\"t\":\"msg\",\"id\":\"" + id + "\",\"to\":\""
                + ME.value() + "\",\"seq\":2,\"ts\":1,\"text\":\"" + "a".repeat(16_385) + "\"}"), List.of(KEY), ME,
                "malformed", id));
        cases.add(rejected("seq written 2.0", raw("{\"t\":\"msg\",\"id\":\"" + id + "\",\"to\":\"" + ME.value()
                + "\",\"seq\":2.0,\"ts\":1,\"text\":\"a\"}"), List.of(KEY), ME, "malformed", id));
        cases.add(rejected("plaintext not an object", raw("[\"msg\"]"), List.of(KEY), ME, "not-object", null));
        return cases;
    }

    /** A payload with arbitrary plaintext JSON, sealed as a sender holding the key could. */
    private static byte[] raw(String json) {
        String ct = CryptoJsAes.encrypt(json, KEY.passphrase());
        return ("{\"v\":1,\"ct\":\"" + ct + "\",\"mac\":\"" + MacKey.derive(KEY).mac(ct) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static JsonObject accepted(String name, byte[] payload, List<ChatKey> keys, int keyIndex, JsonObject p) {
        JsonObject c = base(name, payload, keys, ME);
        c.add("accepted", p);
        c.addProperty("keyIndex", keyIndex);
        return c;
    }

    private static JsonObject rejected(String name, byte[] payload, List<ChatKey> keys, InboxId arrivedOn,
                                       String reason, String ackable) {
        // the Java codec's verdict is the reference: the vector only holds what Java decided
        Opened java = PayloadCodec.open(payload, keys, arrivedOn);
        assertThat(java).isInstanceOf(Opened.Rejected.class);
        assertThat(((Opened.Rejected) java).reason().label()).as(name).isEqualTo(reason);
        JsonObject c = base(name, payload, keys, arrivedOn);
        c.addProperty("rejected", reason);
        if (ackable != null) c.addProperty("ackable", ackable);
        return c;
    }

    private static JsonObject base(String name, byte[] payload, List<ChatKey> keys, InboxId arrivedOn) {
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("payload", new String(payload, StandardCharsets.UTF_8));
        JsonArray k = new JsonArray();
        keys.forEach(key -> k.add(key.passphrase()));
        c.add("keys", k);
        c.addProperty("arrivedOn", arrivedOn.value());
        return c;
    }

    private static List<Invite> invites(Instant now) {
        Instant expires = now.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return List.of(
                new Invite(InboxId.random(), ChatKey.random(), Optional.of(URI.create("wss://localhost:8443/mqtt")),
                        Optional.of(URI.create("mqtts://localhost:8883")), Optional.of("Ada & Bob = ünïcode 🧪 +%"),
                        expires),
                new Invite(InboxId.random(), ChatKey.random(), Optional.of(URI.create("wss://chat.example:443/mqtt")),
                        Optional.empty(), Optional.empty(), expires));
    }

    private static JsonArray linkCases(List<Invite> invites, Instant now) {
        JsonArray cases = new JsonArray();
        for (Invite invite : invites) {
            JsonObject c = new JsonObject();
            c.addProperty("name", "valid " + invite.name().orElse("(no name)"));
            c.addProperty("link", InviteLink.format(invite, Optional.of(URI.create("https://localhost:8443/"))));
            c.add("invite", inviteJson(invite));
            cases.add(c);
        }
        String link = InviteLink.format(invites.getFirst(), Optional.of(URI.create("https://localhost:8443/")));
        String expiry = "x=" + invites.getFirst().expires().getEpochSecond();
        addProblem(cases, "expired", link.replace(expiry, "x=" + (now.getEpochSecond() - 10)), "EXPIRED");
        addProblem(cases, "cut off", link.substring(0, link.indexOf("&k=") + 12), "TRUNCATED");
        addProblem(cases, "ssl:// broker", link.replace("m=mqtts://", "m=ssl://"), "BAD_FIELD");
        addProblem(cases, "newer version", link.replace("parley=1", "parley=2"), "UNSUPPORTED_VERSION");
        addProblem(cases, "no invite", "https://localhost:8443/", "NOT_AN_INVITE");
        return cases;
    }

    private static void addProblem(JsonArray cases, String name, String link, String problem) {
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("link", link);
        c.addProperty("problem", problem);
        cases.add(c);
    }

    private static JsonObject inviteJson(Invite invite) {
        JsonObject o = new JsonObject();
        o.addProperty("inbox", invite.inbox().value());
        o.addProperty("key", invite.key().passphrase());
        o.addProperty("wss", invite.wss().map(URI::toString).orElse(null));
        o.addProperty("mqtts", invite.mqtts().map(URI::toString).orElse(null));
        o.addProperty("name", invite.name().orElse(null));
        o.addProperty("expires", invite.expires().toEpochMilli());
        return o;
    }

    private static String offCurve(PublicPoint point) {
        byte[] bytes = Base64.getUrlDecoder().decode(point.encoded());
        for (int i = 0; i < 256; i++) {
            bytes[64] ^= 1;
            String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                PublicPoint.of(candidate);
            } catch (IllegalArgumentException e) {
                return candidate;
            }
        }
        throw new AssertionError("no off-curve neighbour found");
    }

    private static void runNodeInteropTests(Path in, Path out) throws IOException, InterruptedException {
        Path web = Path.of(System.getProperty("parley.repo", ".")).resolve("web");
        if (!Files.isDirectory(web.resolve("node_modules/crypto-js"))) {
            throw new AssertionError("web/node_modules is missing: the build runs 'npm ci' in web/ (mvn verify)");
        }
        ProcessBuilder pb = new ProcessBuilder("node", "--test", "test/interop/").directory(web.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PARLEY_VECTORS", in.toString());
        pb.environment().put("PARLEY_VECTORS_OUT", out.toString());
        Process node = pb.start();
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node --test test/interop/ failed:\n%s", output).isZero();
        assertThat(output).contains("# fail 0");
        JsonElement parsed = JsonParser.parseString(Files.readString(out));
        assertThat(parsed.isJsonObject()).isTrue();
    }
}
