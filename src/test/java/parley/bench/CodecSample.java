package parley.bench;

import java.nio.charset.StandardCharsets;
import parley.crypto.ChatKey;
import parley.crypto.CryptoJsAes;
import parley.crypto.DecryptionException;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.protocol.Msg;
import parley.protocol.PayloadCodec;

/**
 * One message both codec benchmarks (JMH here, crypto-js in node) work on: a {@code msg} with {@code textBytes}
 * of ASCII text, its plaintext JSON exactly as Parley writes it, and one sealed payload of it.
 */
record CodecSample(ChatKey key, Msg msg, String plaintextJson, byte[] payload) {

    static CodecSample of(int textBytes) {
        ChatKey key = ChatKey.random();
        Msg msg = new Msg(MessageId.random(), InboxId.random(), 42, 1_767_225_600_000L, text(textBytes));
        byte[] payload = PayloadCodec.seal(msg, key);
        return new CodecSample(key, msg, plaintextOf(payload, key), payload);
    }

    /** Readable text of exactly {@code bytes} UTF-8 bytes: no JSON escapes, so the sizes stay what they say. */
    static String text(int bytes) {
        String words = "the quick brown fox jumps over the lazy dog ";
        StringBuilder b = new StringBuilder(bytes);
        while (b.length() < bytes) {
            b.append(words, 0, Math.min(words.length(), bytes - b.length()));
        }
        return b.toString();
    }

    private static String plaintextOf(byte[] payload, ChatKey key) {
        String envelope = new String(payload, StandardCharsets.US_ASCII);
        int start = envelope.indexOf("\"ct\":\"") + 6;
        String ct = envelope.substring(start, envelope.indexOf('"', start));
        try {
            return CryptoJsAes.decrypt(ct, key.passphrase());
        } catch (DecryptionException e) {
            throw new IllegalStateException("a payload Parley just sealed does not decrypt", e);
        }
    }
}
