package parley.store;

import java.nio.file.Path;

/** The profile is encrypted and was opened without a passphrase: ask the user for it. */
public final class PassphraseRequiredException extends StoreException {
    public PassphraseRequiredException(Path dir) {
        super("profile " + dir + " is protected by a passphrase; enter it to open the profile");
    }
}
