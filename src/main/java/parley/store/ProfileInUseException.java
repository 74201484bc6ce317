package parley.store;

import java.nio.file.Path;

/** Another Parley (another process, or another store in this one) has the profile open. */
public final class ProfileInUseException extends StoreException {
    public ProfileInUseException(Path dir) {
        super("this profile is open in another Parley: " + dir);
    }

    public ProfileInUseException(Path dir, Throwable cause) {
        super("this profile is open in another Parley: " + dir, cause);
    }
}
