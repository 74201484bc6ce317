package parley.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.CryptoJsAes;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MacKey;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;

/** Sample plaintexts and hand-made payloads for the codec tests. */
final class Payloads {
    static final ChatKey KEY = ChatKey.random();
    static final InboxId ME = InboxId.random();
    static final InboxId PEER = InboxId.random();
    static final PublicPoint EPK = EphemeralKeyPair.generate().publicPoint();
    static final long TS = 1_767_225_600_000L;

    private Payloads() {}

    static Join join() {
        return new Join(MessageId.random(), ME, 1, TS, PEER, EPK, Optional.of("Alice 👩‍💻"));
    }

    static Welcome welcome() {
        return new Welcome(MessageId.random(), ME, 1, TS, InboxId.random(), EPK, Optional.empty());
    }

    static Msg msg(String text) {
        return new Msg(MessageId.random(), ME, 2, TS, text);
    }

    static Ack ack() {
        return new Ack(MessageId.random(), ME, TS, java.util.List.of(MessageId.random(), MessageId.random()));
    }

    static Rekey rekey() {
        return new Rekey(MessageId.random(), ME, 7, TS, 1, EPK);
    }

    static RekeyOk rekeyOk() {
        return new RekeyOk(MessageId.random(), ME, 8, TS, 1, EPK);
    }

    /** A correctly encrypted and MACed payload around any plaintext string, valid or not. */
    static byte[] sealedJson(String plaintextJson, ChatKey key) {
        return envelopeAround(CryptoJsAes.encrypt(plaintextJson, key.passphrase()), key);
    }

    /** A payload whose MAC is valid for {@code ct} under {@code key}, whatever {@code ct} holds. */
    static byte[] envelopeAround(String ct, ChatKey key) {
        return envelope("1", ct, MacKey.derive(key).mac(ct));
    }

    static byte[] envelope(String v, String ct, String mac) {
        return ("{\"v\":" + v + ",\"ct\":\"" + ct + "\",\"mac\":\"" + mac + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid msg plaintext JSON to {@link #ME}, {@code text} pasted in as is (it may hold JSON escapes). */
    static String msgJson(MessageId id, String text) {
        return "{\"t\":\"msg\",\"id\":\"" + id.value() + "\",\"to\":\"" + ME.value() + "\",\"seq\":3,\"ts\":" + TS
                + ",\"text\":\"" + text + "\"}";
    }
}
