package parley.crypto;

/** A CryptoJS-format ciphertext or a file chunk that could not be decrypted; {@link #reason()} says which step refused it. */
public final class DecryptionException extends Exception {
    /** Why a ciphertext was refused, in the order the checks run. */
    public enum Reason {
        /** not canonical, single-line standard base64 */
        NOT_BASE64,
        /** shorter than the 16-byte header, or not starting with {@code "Salted__"} */
        NO_SALT_HEADER,
        /** the cipher text after the header is empty or not a whole number of AES blocks */
        BAD_LENGTH,
        /** the PKCS#7 padding is wrong: a wrong key, or a corrupted or forged ciphertext */
        BAD_PADDING,
        /** the plaintext is not valid UTF-8 */
        BAD_UTF8,
        /** a file chunk's GCM tag does not verify: tampered with, or another file's or place's */
        BAD_TAG
    }

    private final Reason reason;

    DecryptionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
