package parley.protocol;

import com.google.gson.JsonObject;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.CryptoJsAes;
import parley.crypto.DecryptionException;
import parley.crypto.InboxId;
import parley.crypto.MacKey;
import parley.crypto.MessageId;

/**
 * The MQTT payload {@code {"v":1,"ct":"<CryptoJS AES>","mac":"<hex HMAC>"}} (docs/protocol.md sections 2 and 3):
 * {@link #seal} encrypts then MACs a plaintext; {@link #open} checks size, JSON, version, MAC (before decrypting),
 * ciphertext, UTF-8, every field and the recipient, and drops anything wrong with a {@link DropReason}.
 */
public final class PayloadCodec {
    /**
     * The largest payload {@link #open} reads. The largest honest payload is a {@code msg} of 16,384 bytes of text
     * that are all control characters, each escaped as {@code \}{@code u00XX} (6 bytes for 1: no JSON escape is
     * worse): 98,304 bytes of text plus 147 bytes of fields (seq and ts at 16 digits) = 98,451 bytes of
     * plaintext; PKCS#7 pads it to 98,464 and the header makes 98,480; base64 makes 131,308; the envelope adds 88:
     * 131,396 bytes. 160 KiB leaves ~32 KB for whitespace and fields later versions may add.
     */
    public static final int MAX_PAYLOAD_BYTES = 160 * 1024;
    public static final int VERSION = 1;
    private static final System.Logger LOG = System.getLogger(PayloadCodec.class.getName());

    private PayloadCodec() {}

    /** The payload for {@code plaintext} under {@code key}, with a fresh salt. */
    public static byte[] seal(Plaintext plaintext, ChatKey key) {
        String ct = CryptoJsAes.encrypt(PlaintextWriter.write(plaintext), key.passphraseUtf8());
        String mac = MacKey.derive(key).mac(ct);
        // ct is base64 and mac hex: neither needs JSON escaping
        return ("{\"v\":" + VERSION + ",\"ct\":\"" + ct + "\",\"mac\":\"" + mac + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Opens a payload that arrived on inbox {@code arrivedOn}, trying each of {@code candidateKeys} (the current
     * key and those kept after a rekey). Never throws for any payload bytes.
     */
    public static Opened open(byte[] payload, List<ChatKey> candidateKeys, InboxId arrivedOn) {
        Objects.requireNonNull(candidateKeys, "candidateKeys");
        Objects.requireNonNull(arrivedOn, "arrivedOn");
        if (payload == null) {
            return drop(DropReason.NOT_JSON, "no payload");
        }
        // before anything else: a huge payload costs no parsing
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return drop(DropReason.OVERSIZED, payload.length + " bytes");
        }
        return switch (EnvelopeReader.read(payload)) {
            case EnvelopeRead.Refused refused -> drop(refused.reason(), refused.detail());
            case Envelope envelope -> open(envelope, candidateKeys, arrivedOn);
        };
    }

    private static Opened open(Envelope envelope, List<ChatKey> candidateKeys, InboxId arrivedOn) {
        String ct = envelope.ct();
        Optional<ChatKey> key = keyWhoseMacVerifies(ct, envelope.mac(), candidateKeys);
        if (key.isEmpty()) {
            return drop(DropReason.BAD_MAC, "no candidate key verifies the MAC");
        }
        String json;
        try {
            json = CryptoJsAes.decrypt(ct, key.get().passphraseUtf8());
        } catch (DecryptionException e) {
            return e.reason() == DecryptionException.Reason.BAD_UTF8
                    ? drop(DropReason.BAD_UTF8, e.getMessage())
                    : drop(DropReason.BAD_CIPHERTEXT, e.getMessage());
        }
        if (!(StrictJson.parse(json).orElse(null) instanceof JsonObject plaintext)) {
            return drop(DropReason.NOT_OBJECT, "plaintext is not a strict JSON object");
        }
        return read(new PlaintextReader(plaintext), key.get(), arrivedOn);
    }

    /** Every candidate is tried, so the time taken does not tell which key (if any) matched. */
    private static Optional<ChatKey> keyWhoseMacVerifies(String ct, String mac, List<ChatKey> candidates) {
        ChatKey found = null;
        for (ChatKey candidate : candidates) {
            if (MacKey.derive(candidate).verifies(ct, mac) && found == null) {
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Opened read(PlaintextReader reader, ChatKey key, InboxId arrivedOn) {
        Optional<MessageId> ackable = Optional.empty();
        try {
            String type = reader.string("t");
            MessageId id = reader.messageId("id");
            if (type.equals(Msg.TYPE)) {
                // from here on the sender holds the key and will re-send this msg until it is acked
                ackable = Optional.of(id);
            }
            InboxId to = reader.inbox("to");
            if (!to.equals(arrivedOn)) {
                // reflected or replayed from another inbox: not ours to ack either
                return drop(DropReason.WRONG_RECIPIENT, "to is " + to.abbreviated() + ", arrived on "
                        + arrivedOn.abbreviated());
            }
            return new Opened.Accepted(reader.read(type, id, to), key);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "dropped payload: malformed: {0}", e.getMessage());
            return new Opened.Rejected(DropReason.MALFORMED, ackable, ackable.map(id -> key));
        }
    }

    private static Opened.Rejected drop(DropReason reason, String detail) {
        LOG.log(Level.DEBUG, "dropped payload: {0}: {1}", reason.label(), detail);
        return Opened.Rejected.because(reason);
    }
}
