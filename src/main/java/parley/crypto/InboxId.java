package parley.crypto;

/**
 * An inbox id: 32 CSPRNG bytes as 43 base64url characters. It is both the MQTT client id and the middle of the
 * inbox topic, so it must never hold {@code + # /} (docs/protocol.md section 1). It is as good as a read capability
 * for its inbox on a broker without accounts, so logs show only {@link #abbreviated()}.
 */
public record InboxId(String value) implements Comparable<InboxId> {
    public static final int BYTES = 32;

    public InboxId {
        Base64Url.decode("inbox", value, BYTES);
    }

    /** Validates an inbox id, naming {@code field} in the error. */
    public static InboxId of(String field, String value) {
        Base64Url.decode(field, value, BYTES);
        return new InboxId(value);
    }

    public static InboxId of(String value) {
        return of("inbox", value);
    }

    public static InboxId random() {
        return new InboxId(Base64Url.encode(Csprng.bytes(BYTES)));
    }

    /** The first six characters and an ellipsis: enough to tell inboxes apart in a log, useless to a reader. */
    public String abbreviated() {
        return value.substring(0, 6) + "…";
    }

    @Override
    public int compareTo(InboxId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return "InboxId[" + abbreviated() + "]";
    }
}
