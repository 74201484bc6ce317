package parley.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import parley.chat.ChatService;
import parley.chat.ChatServiceConfig;
import parley.chat.ChatTimings;
import parley.store.PassphraseRequiredException;
import parley.store.ProfileStore;
import parley.store.WrongPassphraseException;
import parley.transport.BrokerProfile;
import parley.transport.MqttTransport;
import parley.ui.profile.BrokerSettings;
import parley.ui.profile.DesktopProfile;
import parley.ui.profile.ProfileLockedException;

/**
 * The desktop's profile: the same store and {@link SavedSettings} the command line uses, so a profile set up in
 * one face works in the other. Called on the desktop's background executor.
 */
final class DesktopProfileWiring implements DesktopProfile {
    private static final String PREFERENCE_PREFIX = "desktop.";

    private final Path dir;
    private ProfileStore store;
    private MqttTransport transport;
    private ChatService service;

    DesktopProfileWiring(Path dir) {
        this.dir = dir;
    }

    @Override
    public String name() {
        return dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    }

    @Override
    public synchronized Optional<BrokerSettings> open(Optional<char[]> passphrase) {
        try {
            store = ProfileStore.open(dir, passphrase);
        } catch (PassphraseRequiredException e) {
            throw new ProfileLockedException(ProfileLockedException.Reason.NEEDED, e);
        } catch (WrongPassphraseException e) {
            throw new ProfileLockedException(ProfileLockedException.Reason.WRONG, e);
        }
        SavedSettings saved = SavedSettings.load(store);
        if (saved.mqtts().isEmpty() || saved.displayName().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BrokerSettings(saved.displayName().get(), saved.mqtts().get(), saved.wss(), saved.web(),
                saved.caFile(), saved.username(), saved.password()));
    }

    @Override
    public synchronized boolean hasPassphrase() {
        return store.encrypted();
    }

    @Override
    public synchronized boolean checkPassphrase(char[] passphrase) {
        return store.checkPassphrase(passphrase);
    }

    @Override
    public synchronized void changePassphrase(Optional<char[]> passphrase) {
        store.changePassphrase(passphrase);
    }

    @Override
    public synchronized ChatService start(BrokerSettings s) {
        SavedSettings settings = new SavedSettings(Optional.of(s.mqtts()), s.wss(), s.web(), s.caFile(), s.username(),
                s.password(), Optional.of(s.displayName()));
        if (!settings.equals(SavedSettings.load(store))) {
            settings.save(store);
        }
        transport = new MqttTransport();
        BrokerProfile broker = new BrokerProfile(settings.mqtts(), settings.wss(), settings.web(), settings.caFile(),
                settings.username(), settings.password());
        service = ChatService.start(new ChatServiceConfig(store, transport, Optional.of(broker),
                settings.displayName(), Clock.systemUTC(), ChatTimings.standard()));
        return service;
    }

    @Override
    public synchronized ChatService restart(BrokerSettings s) {
        stopChats();
        return start(s);
    }

    private void stopChats() {
        if (service != null) {
            service.close();
            service = null;
        }
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }

    @Override
    public synchronized Optional<String> preference(String key) {
        return store.setting(PREFERENCE_PREFIX + key).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void putPreference(String key, String value) {
        store.putSetting(PREFERENCE_PREFIX + key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void close() {
        stopChats();
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
