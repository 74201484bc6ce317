package parley.crypto;

/**
 * Sealed data at rest could not be opened: the key is wrong, or the bytes or the data they are bound to were
 * changed. The message never contains key material or plaintext.
 */
public final class AtRestException extends Exception {
    public AtRestException(String message) {
        super(message);
    }

    public AtRestException(String message, Throwable cause) {
        super(message, cause);
    }
}
