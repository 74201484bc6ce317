package parley.store;

import static parley.store.TestIds.chat;
import static parley.store.TestIds.message;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import parley.crypto.PassphraseKey;

/**
 * The other process in the crash and lock tests. {@code add <dir>}: opens the profile and adds messages forever,
 * printing "ok n" after each call returned. {@code rekey <dir>}: sets a passphrase on a profile without one.
 * {@code open <dir>}: tries to open it and prints the outcome.
 */
public final class StoreChild {
    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "add" -> {
                try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests())) {
                    store.putChat(chat("c"), "state".getBytes(StandardCharsets.UTF_8));
                    System.out.println("ok 0");
                    for (int n = 1; ; n++) {
                        store.addMessage(chat("c"), new NewMessage(message("m" + n), ProfileStore.Direction.OUT, n, n,
                                ProfileStore.Status.QUEUED, ("body " + n).getBytes(StandardCharsets.UTF_8)));
                        System.out.println("ok " + n);
                    }
                }
            }
            case "rekey" -> {
                try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests())) {
                    System.out.println("start");
                    store.changePassphrase(Optional.of("new".toCharArray()));
                    System.out.println("done");
                }
            }
            case "open" -> {
                try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests())) {
                    System.out.println("opened");
                } catch (StoreException e) {
                    System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }
}
