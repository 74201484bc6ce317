package parley.store;

/**
 * The profile store failed: the database could not be opened, read or written. Subclasses are the failures a user
 * can act on. Messages name the profile directory, never a key, a passphrase or stored plaintext.
 */
public sealed class StoreException extends RuntimeException
        permits PassphraseRequiredException, WrongPassphraseException, ProfileInUseException,
                NewerProfileFormatException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
