package parley.store;

import java.nio.file.Path;

/** The passphrase does not unlock the profile; the profile was not changed. */
public final class WrongPassphraseException extends StoreException {
    public WrongPassphraseException(Path dir) {
        super("wrong passphrase for profile " + dir);
    }
}
