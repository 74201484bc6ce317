package parley.ui.profile;

import java.util.Optional;
import parley.chat.ChatService;

/**
 * A profile as the desktop app sees it; the app wires the store and the transport behind it. Every method but
 * {@link #name()} may block (disk, key derivation, network set-up): the desktop calls them on its background
 * executor, never on the event dispatch thread.
 */
public interface DesktopProfile {

    /** A short name for the profile: its directory, for the window title. */
    String name();

    /**
     * Opens the profile's store, with the passphrase when the user gave one (the caller clears the array); the
     * saved settings, or empty on the first run.
     *
     * @throws ProfileLockedException the profile has a passphrase and none or a wrong one was given
     */
    Optional<BrokerSettings> open(Optional<char[]> passphrase);

    /** Whether the open profile is protected by a passphrase. */
    boolean hasPassphrase();

    /**
     * Whether {@code passphrase} is the open profile's current one (false when it has none): the desktop asks for it
     * before a change or removal, so that someone at an unattended, unlocked computer cannot take the protection
     * off or lock the owner out. Takes as long as an unlock; writes nothing; the caller clears the array.
     */
    boolean checkPassphrase(char[] passphrase);

    /**
     * Sets or changes ({@code Optional.of}) or removes ({@code Optional.empty()}) the open profile's passphrase,
     * re-encrypting its keys and history; the caller clears the array.
     */
    void changePassphrase(Optional<char[]> passphrase);

    /** Saves {@code settings} in the profile and starts its chat service on them. */
    ChatService start(BrokerSettings settings);

    /**
     * Closes the running chat service and its connections, then saves {@code settings} and starts the service on
     * them: the user changed the server in Settings.
     */
    ChatService restart(BrokerSettings settings);

    /** A small desktop preference kept in the profile (the theme, say). */
    Optional<String> preference(String key);

    void putPreference(String key, String value);

    /** Closes the chat service, its connections and the store; the profile can be opened again after. */
    void close();
}
