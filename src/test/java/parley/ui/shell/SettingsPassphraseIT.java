package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Component;
import java.awt.Point;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.JDialog;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JLabelFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.store.PassphraseRequiredException;
import parley.store.ProfileStore;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.ui.settings.PassphraseSection;

/**
 * The passphrase set, changed and removed in the desktop's Settings, on the real store at the real Argon2id cost:
 * what the section says, its refusals (which change nothing), its progress while the work waits on the background
 * executor, and what the next start asks for. The profile's files are searched for the user's display name: it is
 * in them in the clear without a passphrase and nowhere in them with one.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class SettingsPassphraseIT {
    private static final String FIRST = "correct horse battery staple";
    private static final String SECOND = "purple monkey dishwasher cloud";

    @Test
    void setThroughSettingsThenTheNextStartAsksForIt(Robot robot, BrokerStack stack, @TempDir Path dir)
            throws Exception {
        String name = "Ada " + UUID.randomUUID().toString().substring(0, 13);
        Path profile = dir.resolve("ada");
        AppDriver app = AppDriver.firstRun(name, profile, robot, new Point(0, 0), stack);
        // the control: this search finds the name while the profile is in the clear
        assertThat(filesContain(profile, name)).as("the name in the clear, before a passphrase").isTrue();

        DialogFixture settings = openSettingsByMenu(app, robot);
        requireState(settings, PassphraseSection.NOT_PROTECTED);
        settings.button("settings.passphrase.apply").requireText("Set passphrase");
        assertThat(showing(settings, "settings.passphrase.current")).as("no current passphrase to ask for").isFalse();
        assertThat(showing(settings, "settings.passphrase.remove")).as("nothing to remove").isFalse();

        settings.button("settings.passphrase.apply").click();
        settings.label("settings.passphrase.problem").requireText("Enter a new passphrase.");

        settings.textBox("settings.passphrase.new").enterText("short");
        settings.label("settings.passphrase.hint").requireText("Short: a few unrelated words make a stronger passphrase.");
        settings.textBox("settings.passphrase.new").deleteText().enterText(FIRST);
        settings.label("settings.passphrase.hint").requireText(" ");
        settings.textBox("settings.passphrase.repeat").enterText(FIRST + "r");
        settings.button("settings.passphrase.apply").click();
        settings.label("settings.passphrase.problem").requireText("The new passphrases differ: type the same one twice.");
        settings.textBox("settings.passphrase.new").requireEmpty();
        settings.textBox("settings.passphrase.repeat").requireEmpty();
        requireState(settings, PassphraseSection.NOT_PROTECTED);
        assertThat(filesContain(profile, name)).as("a mismatch changes nothing").isTrue();

        // hold the background executor: the change waits behind it, visibly, and the window still answers
        JLabelFixture done = settings.label("settings.passphrase.done");
        CountDownLatch hold = new CountDownLatch(1);
        try {
            GuiActionRunner.execute(() -> app.app.tasks().run("Holding for the test", () -> hold.await(30,
                    TimeUnit.SECONDS), held -> { }, failure -> { }));
            settings.textBox("settings.passphrase.new").enterText(FIRST);
            settings.textBox("settings.passphrase.repeat").enterText(FIRST).pressAndReleaseKeys(KeyEvent.VK_ENTER);
            settings.progressBar("settings.passphrase.progress").requireText("Applying…");
            settings.button("settings.passphrase.apply").requireDisabled();
            settings.textBox("settings.passphrase.new").requireDisabled().requireEmpty();
            settings.textBox("settings.passphrase.repeat").requireDisabled().requireEmpty();
            app.frame.label("status.task").requireText("Changing the passphrase…");
            assertThat(filesContain(profile, name)).as("nothing changed before the work ran").isTrue();
        } finally {
            hold.countDown();
        }
        AppDriver.await("the section says the passphrase is set", () -> "Passphrase set.".equals(done.text()));
        requireState(settings, PassphraseSection.PROTECTED);
        settings.button("settings.passphrase.apply").requireEnabled().requireText("Change passphrase");
        assertThat(showing(settings, "settings.passphrase.current")).isTrue();
        assertThat(showing(settings, "settings.passphrase.remove")).isTrue();
        assertThat(filesContain(profile, name)).as("the name in the profile's files, with the passphrase").isFalse();
        settings.button("settings.close").click();
        app.close();

        assertThat(filesContain(profile, name)).as("the name in the closed profile's files").isFalse();
        assertThatThrownBy(() -> ProfileStore.open(profile, Optional.empty()))
                .isInstanceOf(PassphraseRequiredException.class);

        AppDriver again = AppDriver.launch(name, profile, robot, new Point(0, 0));
        unlock(again, robot, FIRST + "r", false);
        unlock(again, robot, FIRST, true);
        assertThat(GuiActionRunner.execute(() -> again.window.chatList.chats())).isEmpty();
        DialogFixture reopened = openSettingsByKeyboard(again, robot);
        requireState(reopened, PassphraseSection.PROTECTED);
    }

    @Test
    void changeThenRemoveThroughSettings(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        String name = "Ada " + UUID.randomUUID().toString().substring(0, 13);
        Path profile = dir.resolve("ada");
        AppDriver.firstRun(name, profile, robot, new Point(0, 0), stack).close();
        try (ProfileStore store = ProfileStore.open(profile, Optional.empty())) {
            store.changePassphrase(Optional.of(FIRST.toCharArray()));
        }

        AppDriver app = AppDriver.launch(name, profile, robot, new Point(0, 0));
        unlock(app, robot, FIRST, true);
        DialogFixture settings = openSettingsByMenu(app, robot);
        requireState(settings, PassphraseSection.PROTECTED);
        // looked up while shown: the progress bar takes their place while a change runs
        JLabelFixture problem = settings.label("settings.passphrase.problem");
        JLabelFixture done = settings.label("settings.passphrase.done");

        // a change needs the current passphrase, and a wrong one changes nothing
        settings.textBox("settings.passphrase.new").enterText(SECOND);
        settings.textBox("settings.passphrase.repeat").enterText(SECOND);
        settings.button("settings.passphrase.apply").click();
        settings.label("settings.passphrase.problem").requireText("Enter your current passphrase.");
        settings.textBox("settings.passphrase.current").enterText(SECOND);
        settings.textBox("settings.passphrase.new").enterText(SECOND);
        settings.textBox("settings.passphrase.repeat").enterText(SECOND);
        settings.button("settings.passphrase.apply").click();
        AppDriver.await("the section says the current passphrase is wrong", () -> "The current passphrase is wrong:"
                .concat(" nothing was changed.").equals(problem.text()));
        settings.label("settings.passphrase.done").requireText(" ");
        requireState(settings, PassphraseSection.PROTECTED);

        settings.textBox("settings.passphrase.current").enterText(FIRST);
        settings.textBox("settings.passphrase.new").enterText(SECOND);
        settings.textBox("settings.passphrase.repeat").enterText(SECOND);
        settings.button("settings.passphrase.apply").click();
        AppDriver.await("the section says the passphrase changed",
                () -> "Passphrase changed.".equals(done.text()));
        settings.label("settings.passphrase.problem").requireText(" ");
        saveScreenshot(settings, "settings-passphrase.png");
        settings.button("settings.close").click();
        app.close();
        assertThat(filesContain(profile, name)).as("the name in the files after the change").isFalse();

        // the old passphrase no longer opens it, the new one does
        AppDriver again = AppDriver.launch(name, profile, robot, new Point(0, 0));
        unlock(again, robot, FIRST, false);
        unlock(again, robot, SECOND, true);

        DialogFixture removal = openSettingsByKeyboard(again, robot);
        JLabelFixture removed = removal.label("settings.passphrase.done");
        removal.button("settings.passphrase.remove").click();
        removal.label("settings.passphrase.problem").requireText("Enter your current passphrase to remove it.");
        removal.textBox("settings.passphrase.current").enterText(SECOND);
        removal.button("settings.passphrase.remove").click();
        JOptionPaneFixture confirm = confirmation(robot);
        assertThat(confirm.target().getMessage().toString()).contains("Remove the passphrase?")
                .contains("stored unencrypted").contains("Anyone who can use your account or read its files");
        confirm.buttonWithText("Keep it").click();
        activate(removal, robot);
        removal.label("settings.passphrase.done").requireText("The passphrase was kept.");
        requireState(removal, PassphraseSection.PROTECTED);
        removal.textBox("settings.passphrase.current").requireEmpty();

        removal.textBox("settings.passphrase.current").enterText(SECOND);
        removal.button("settings.passphrase.remove").click();
        confirmation(robot).buttonWithText("Remove passphrase").click();
        AppDriver.await("the section says the passphrase is removed",
                () -> "Passphrase removed.".equals(removed.text()));
        requireState(removal, PassphraseSection.NOT_PROTECTED);
        removal.button("settings.passphrase.apply").requireText("Set passphrase");
        assertThat(showing(removal, "settings.passphrase.remove")).isFalse();
        removal.button("settings.close").click();
        again.close();
        // read once the app has closed the profile: its store writes the re-encoded pages out in the background
        assertThat(filesContain(profile, name)).as("the name in the clear again after the removal").isTrue();

        assertThatThrownBy(() -> ProfileStore.open(profile, Optional.of(SECOND.toCharArray())))
                .hasMessageContaining("has no passphrase");
        // the next start opens without asking
        AppDriver last = AppDriver.launch(name, profile, robot, new Point(0, 0));
        last.awaitStarted();
        assertThat(passphraseDialogShowing(robot)).isFalse();
        requireState(openSettingsByMenu(last, robot), PassphraseSection.NOT_PROTECTED);
    }

    /**
     * Types a passphrase into the unlock dialog: the app starts, or the dialog says it is wrong (a first wrong try:
     * the message stays for the next one).
     */
    private static void unlock(AppDriver app, Robot robot, String passphrase, boolean opens) throws Exception {
        DialogFixture dialog = WindowFinder.findDialog("dialog.passphrase").withTimeout(20, TimeUnit.SECONDS)
                .using(robot);
        dialog.textBox("passphrase.field").enterText(passphrase);
        dialog.button("passphrase.unlock").click();
        if (opens) {
            app.awaitStarted();
            dialog.requireNotVisible();
            return;
        }
        AppDriver.await("the unlock dialog says the passphrase is wrong",
                () -> "Wrong passphrase. Try again.".equals(dialog.label("passphrase.problem").text()));
        assertThat(app.app.started()).isNotDone();
    }

    private static DialogFixture openSettingsByMenu(AppDriver app, Robot robot) {
        app.frame.menuItem("menu.SETTINGS").click();
        return settingsDialog(robot);
    }

    /** Ctrl+, as a keyboard user opens Settings. */
    private static DialogFixture openSettingsByKeyboard(AppDriver app, Robot robot) {
        app.activate();
        app.frame.pressKey(KeyEvent.VK_CONTROL);
        try {
            app.frame.pressAndReleaseKeys(KeyEvent.VK_COMMA);
        } finally {
            // the robot's own release: the fixture's would first take the focus back from the modal dialog
            robot.releaseKey(KeyEvent.VK_CONTROL);
        }
        return settingsDialog(robot);
    }

    private static DialogFixture settingsDialog(Robot robot) {
        DialogFixture dialog = WindowFinder.findDialog("dialog.settings").withTimeout(10, TimeUnit.SECONDS)
                .using(robot);
        dialog.requireVisible();
        return dialog;
    }

    /** Gives the dialog the focus back after the confirmation, as the window manager would (Xvfb has none). */
    private static void activate(DialogFixture dialog, Robot robot) {
        GuiActionRunner.execute(() -> {
            dialog.target().toFront();
            dialog.target().requestFocus();
        });
        robot.waitForIdle();
    }

    /** What the section says about the protection, as a screen reader reads it (the label may wrap it). */
    private static void requireState(DialogFixture settings, String said) {
        var label = settings.label("settings.passphrase.state");
        assertThat(GuiActionRunner.execute(() -> label.target().getAccessibleContext().getAccessibleName()))
                .isEqualTo(said);
        assertThat(label.text()).as("the label's text").startsWith(said.equals(PassphraseSection.PROTECTED)
                ? PassphraseSection.PROTECTED : "<html>Not protected: ");
    }

    private static JOptionPaneFixture confirmation(Robot robot) {
        return JOptionPaneFinder.findOptionPane().withTimeout(10, TimeUnit.SECONDS).using(robot);
    }

    private static boolean showing(DialogFixture dialog, String name) {
        Component c = dialog.robot().finder().findByName(dialog.target(), name, false);
        return GuiActionRunner.execute(() -> c.isShowing());
    }

    private static boolean passphraseDialogShowing(Robot robot) {
        return !robot.finder().findAll(new GenericTypeMatcher<JDialog>(JDialog.class, true) {
            @Override
            protected boolean isMatching(JDialog dialog) {
                return "dialog.passphrase".equals(dialog.getName());
            }
        }).isEmpty();
    }

    private static void saveScreenshot(DialogFixture dialog, String file) throws Exception {
        Path shots = SwingExtension.screenshots();
        Files.createDirectories(shots);
        java.awt.Rectangle bounds = GuiActionRunner.execute(() -> dialog.target().getBounds());
        ImageIO.write(new java.awt.Robot().createScreenCapture(bounds), "png", shots.resolve(file).toFile());
    }

    /** Whether any of the profile's files holds {@code text} as UTF-8. */
    private static boolean filesContain(Path dir, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
