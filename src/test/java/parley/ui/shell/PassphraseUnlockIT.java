package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.store.PassphraseRequiredException;
import parley.store.ProfileStore;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * A profile locked with a passphrase (through the store, as {@code parley passphrase --new-file} does) opens in the
 * desktop app after the passphrase dialog: a wrong passphrase is said in the dialog and can be tried again, and
 * Quit ends the app without touching the profile.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class PassphraseUnlockIT {
    private static final String PASSPHRASE = "correct horse battery staple";

    @Test
    void aWrongPassphraseIsSaidAndTheRightOneOpensTheProfile(Robot robot, BrokerStack stack, @TempDir Path dir)
            throws Exception {
        Path profile = lockedProfile(robot, stack, dir);

        AppDriver app = AppDriver.launch("Ada", profile, robot, new Point(0, 0));
        DialogFixture unlock = passphraseDialog(robot);
        unlock.textBox("passphrase.field").enterText("correct horse battery stapler");
        unlock.button("passphrase.unlock").click();
        AppDriver.await("the dialog says the passphrase is wrong",
                () -> "Wrong passphrase. Try again.".equals(unlock.label("passphrase.problem").text()));
        unlock.textBox("passphrase.field").requireEnabled().requireEmpty();
        unlock.button("passphrase.unlock").requireEnabled();
        assertThat(app.app.started()).isNotDone();

        unlock.textBox("passphrase.field").enterText(PASSPHRASE);
        unlock.button("passphrase.unlock").click();
        app.awaitStarted();
        unlock.requireNotVisible();
        app.frame.requireVisible();
        // the saved settings came out of the unlocked store: the chat service runs on them
        AppDriver.await("the app is ready after the unlock",
                () -> "Ready: no chats yet".equals(GuiActionRunner.execute(() -> app.window.status.connectionText())));
        app.close();
        // still locked at rest
        assertThatThrownBy(() -> ProfileStore.open(profile, Optional.empty()))
                .isInstanceOf(PassphraseRequiredException.class);
    }

    @Test
    void quitEndsTheAppWithoutTouchingTheProfile(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        Path profile = lockedProfile(robot, stack, dir);
        Map<String, byte[]> before = contents(profile);

        AppDriver app = AppDriver.launch("Ada", profile, robot, new Point(0, 0));
        DialogFixture unlock = passphraseDialog(robot);
        unlock.button("passphrase.cancel").click();
        AppDriver.await("the app's window is gone", () -> GuiActionRunner.execute(() -> !app.window.isDisplayable()));
        assertThat(app.app.started()).isNotDone();
        app.close();

        assertThat(contents(profile)).as("the profile's files, byte for byte").containsOnlyKeys(before.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
        try (ProfileStore store = ProfileStore.open(profile, Optional.of(PASSPHRASE.toCharArray()))) {
            assertThat(store.encrypted()).isTrue();
        }
    }

    /** A profile set up through the first run, then locked through the store API. */
    private static Path lockedProfile(Robot robot, BrokerStack stack, Path dir) throws Exception {
        Path profile = dir.resolve("ada");
        AppDriver setUp = AppDriver.firstRun("Ada", profile, robot, new Point(0, 0), stack);
        setUp.close();
        try (ProfileStore store = ProfileStore.open(profile, Optional.empty())) {
            store.changePassphrase(Optional.of(PASSPHRASE.toCharArray()));
        }
        return profile;
    }

    private static DialogFixture passphraseDialog(Robot robot) {
        DialogFixture dialog = WindowFinder.findDialog("dialog.passphrase").withTimeout(20, TimeUnit.SECONDS)
                .using(robot);
        dialog.requireVisible();
        return dialog;
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
