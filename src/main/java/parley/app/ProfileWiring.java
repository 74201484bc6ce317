package parley.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import parley.chat.ChatService;
import parley.chat.ChatServiceConfig;
import parley.chat.ChatTimings;
import parley.cli.CliFailure;
import parley.cli.ExitCode;
import parley.cli.ProfileOpener;
import parley.cli.ProfileRequest;
import parley.cli.SecretFile;
import parley.store.ProfileDirectory;
import parley.store.ProfileStore;
import parley.store.StoreException;
import parley.transport.BrokerProfile;
import parley.transport.MqttTransport;

/** Wires a profile: store, saved settings merged with the command line's, transport, chat service. */
final class ProfileWiring implements ProfileOpener {
    private final ChatTimings timings;

    ProfileWiring() {
        this(ChatTimings.standard());
    }

    /** With other clocks than the standard ones (tests shorten the invite's clock-skew allowance, say). */
    ProfileWiring(ChatTimings timings) {
        this.timings = timings;
    }

    @Override
    public OpenProfile open(ProfileRequest request) {
        Path dir = request.directory().orElseGet(ProfileDirectory::defaultDirectory);
        Optional<char[]> passphrase = request.passphraseFile().map(SecretFile::firstLine);
        ProfileStore store;
        try {
            store = ProfileStore.open(dir, passphrase);
        } catch (StoreException e) {
            throw new CliFailure(ExitCode.PROFILE, e.getMessage(), e);
        } finally {
            passphrase.ifPresent(p -> Arrays.fill(p, '\0'));
        }
        try {
            SavedSettings saved = SavedSettings.load(store);
            SavedSettings merged = new SavedSettings(
                    request.mqtts().or(saved::mqtts), request.wss().or(saved::wss), request.web().or(saved::web),
                    request.caFile().or(saved::caFile), request.username().or(saved::username),
                    request.passwordFile().map(p -> new String(SecretFile.firstLine(p))).or(saved::password),
                    request.displayName().or(saved::displayName));
            if (!merged.equals(saved)) {
                merged.save(store);
            }
            Optional<BrokerProfile> broker = merged.mqtts().isPresent() || merged.wss().isPresent()
                    ? Optional.of(new BrokerProfile(merged.mqtts(), merged.wss(), merged.web(), merged.caFile(),
                            merged.username(), merged.password()))
                    : Optional.empty();
            MqttTransport transport = new MqttTransport();
            ChatService service = ChatService.start(new ChatServiceConfig(store, transport, broker,
                    new ChatServiceConfig.Access(merged.caFile(), merged.username(), merged.password()),
                    merged.displayName(), Clock.systemUTC(), timings));
            return new OpenProfile() {
                @Override
                public ChatService chats() {
                    return service;
                }

                @Override
                public void changePassphrase(Optional<char[]> next) {
                    store.changePassphrase(next);
                }

                @Override
                public void close() {
                    service.close();
                    transport.close();
                    store.close();
                }
            };
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
