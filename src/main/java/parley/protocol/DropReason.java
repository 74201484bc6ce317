package parley.protocol;

/**
 * Why a received payload was dropped, counted per reason and never shown as a message (docs/protocol.md section 2).
 * {@link PayloadCodec} produces {@link #OVERSIZED} to {@link #MALFORMED} and {@link #WRONG_RECIPIENT}; the chat
 * layer the rest.
 */
public enum DropReason {
    /** larger than {@link PayloadCodec#MAX_PAYLOAD_BYTES} */
    OVERSIZED("oversized"),
    /** not UTF-8 strict JSON (duplicate keys included) */
    NOT_JSON("not-json"),
    /** {@code v} missing or not 1 */
    BAD_VERSION("bad-version"),
    /** not an object, or {@code ct}/{@code mac} missing or not strings */
    BAD_ENVELOPE("bad-envelope"),
    /** the MAC verifies under none of the candidate keys */
    BAD_MAC("bad-mac"),
    /** the ciphertext is not CryptoJS format or its padding is wrong */
    BAD_CIPHERTEXT("bad-ciphertext"),
    /** the plaintext is not valid UTF-8 */
    BAD_UTF8("bad-utf8"),
    /** the plaintext is not a JSON object */
    NOT_OBJECT("not-object"),
    /** a field is missing, of the wrong type or out of range, or {@code t} is unknown */
    MALFORMED("malformed"),
    /** {@code to} is not the inbox it arrived on */
    WRONG_RECIPIENT("wrong-recipient"),
    /** delivered with the MQTT retain flag: anyone can plant one */
    RETAINED("retained"),
    /** an id already seen */
    DUPLICATE("duplicate"),
    /** valid, but not expected in the chat's current state (a second join, say) */
    UNEXPECTED("unexpected"),
    /** a rekey or rekey-ok for an epoch other than the next */
    STALE_EPOCH("stale-epoch"),
    /** a join or welcome that came after the invite's lifetime (docs/protocol.md section 4, step 7) */
    EXPIRED("expired"),
    /** a join or welcome naming an inbox that cannot be the peer's chat inbox: ours, or the invite inbox */
    WRONG_INBOX("wrong-inbox"),
    /** a file chunk whose tag does not verify, or whose padding is not zero, or a file whose digest differs */
    BAD_CHUNK("bad-chunk");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    /** Short, lowercase, stable: for counters and logs. */
    public String label() {
        return label;
    }
}
