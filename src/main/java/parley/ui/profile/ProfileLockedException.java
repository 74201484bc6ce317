package parley.ui.profile;

/**
 * The profile is protected by a passphrase that was not given ({@link Reason#NEEDED}) or does not unlock it
 * ({@link Reason#WRONG}): the desktop asks for it. Thrown by {@link DesktopProfile#open}, which keeps the store's
 * own exceptions out of the UI.
 */
public final class ProfileLockedException extends RuntimeException {
    /** Why the profile stayed locked. */
    public enum Reason { NEEDED, WRONG }

    private final Reason reason;

    public ProfileLockedException(Reason reason, Throwable cause) {
        super(reason == Reason.NEEDED ? "the profile is protected by a passphrase" : "wrong passphrase", cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
