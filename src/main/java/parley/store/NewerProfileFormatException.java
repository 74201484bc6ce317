package parley.store;

import java.nio.file.Path;

/** The profile was written by a newer Parley whose format this one does not know; it is left untouched. */
public final class NewerProfileFormatException extends StoreException {
    public NewerProfileFormatException(Path dir, int found, int supported) {
        super("profile " + dir + " has format version " + found + " but this Parley reads up to version " + supported
                + ": update Parley to open it");
    }
}
