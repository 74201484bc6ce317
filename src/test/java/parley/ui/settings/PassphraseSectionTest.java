package parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BorderLayout;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JLabelFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.chat.ChatService;
import parley.ui.kit.Looks;
import parley.ui.profile.BrokerSettings;
import parley.ui.profile.DesktopProfile;
import parley.ui.shell.AppDriver;
import parley.ui.shell.SwingExtension;
import parley.ui.threads.BackgroundTasks;

/**
 * The passphrase section's own duties, with a profile that records what it is handed (SettingsPassphraseIT runs the
 * real store): every typed array is zero after the work, a refusal hands the profile nothing, a failure is said and
 * changes nothing shown, and a result that arrives after the dialog closed goes to the status line.
 */
@ExtendWith(SwingExtension.class)
class PassphraseSectionTest {
    private final BackgroundTasks tasks = new BackgroundTasks(title -> { });

    @AfterEach
    void stopTasks() {
        tasks.close();
    }

    @Test
    void theArraysHandedToTheProfileAreClearedAfterTheChange(Robot robot) {
        RecordingProfile profile = new RecordingProfile("old secret");
        FrameFixture frame = show(robot, profile, true, new CopyOnWriteArrayList<>());
        JLabelFixture done = frame.label("settings.passphrase.done");
        frame.textBox("settings.passphrase.current").enterText("old secret");
        frame.textBox("settings.passphrase.new").enterText("new secret words");
        frame.textBox("settings.passphrase.repeat").enterText("new secret words");
        frame.button("settings.passphrase.apply").click();
        AppDriver.await("the change is reported", () -> "Passphrase changed.".equals(done.text()));

        assertThat(profile.checkedAs).containsExactly("old secret");
        assertThat(profile.changedTo).containsExactly(Optional.of("new secret words"));
        assertThat(profile.handed).hasSize(2).allSatisfy(a -> assertThat(new String(a)).as("cleared").matches("\0+"));
        for (String field : List.of("current", "new", "repeat")) {
            frame.textBox("settings.passphrase." + field).requireEmpty();
        }
    }

    @Test
    void removingClearsTheCurrentPassphraseToo(Robot robot) {
        RecordingProfile profile = new RecordingProfile("old secret");
        FrameFixture frame = show(robot, profile, true, new CopyOnWriteArrayList<>());
        JLabelFixture done = frame.label("settings.passphrase.done");
        frame.textBox("settings.passphrase.current").enterText("old secret");
        frame.button("settings.passphrase.remove").click();
        JOptionPaneFinder.findOptionPane().withTimeout(10, TimeUnit.SECONDS).using(robot)
                .buttonWithText("Remove passphrase").click();
        AppDriver.await("the removal is reported", () -> "Passphrase removed.".equals(done.text()));
        assertThat(profile.changedTo).containsExactly(Optional.empty());
        assertThat(profile.handed).singleElement().satisfies(a -> assertThat(new String(a)).matches("\0+"));
    }

    @Test
    void aRefusedTryHandsTheProfileNothing(Robot robot) {
        RecordingProfile profile = new RecordingProfile("old secret");
        FrameFixture frame = show(robot, profile, true, new CopyOnWriteArrayList<>());
        frame.textBox("settings.passphrase.current").enterText("old secret");
        frame.textBox("settings.passphrase.new").enterText("new secret words");
        frame.textBox("settings.passphrase.repeat").enterText("new secret word");
        frame.button("settings.passphrase.apply").click();
        frame.label("settings.passphrase.problem").requireText("The new passphrases differ: type the same one twice.");
        frame.textBox("settings.passphrase.current").requireEmpty();
        frame.textBox("settings.passphrase.new").requireFocused();
        assertThat(profile.checkedAs).isEmpty();
        assertThat(profile.changedTo).isEmpty();
    }

    @Test
    void aFailureIsSaidAndTheProtectionShownStaysAsItWas(Robot robot) {
        RecordingProfile profile = new RecordingProfile(null);
        profile.failure = "cannot write /tmp/p/parley.mv.db: No space left on device";
        FrameFixture frame = show(robot, profile, false, new CopyOnWriteArrayList<>());
        JLabelFixture problem = frame.label("settings.passphrase.problem");
        frame.textBox("settings.passphrase.new").enterText("new secret words");
        frame.textBox("settings.passphrase.repeat").enterText("new secret words");
        frame.button("settings.passphrase.apply").click();
        AppDriver.await("the failure is said", () -> ("Passphrase not changed: cannot write /tmp/p/parley.mv.db: No"
                + " space left on device").equals(problem.text()));
        frame.button("settings.passphrase.apply").requireEnabled().requireText("Set passphrase");
        assertThat(GuiActionRunner.execute(() -> frame.label("settings.passphrase.state").target()
                .getAccessibleContext().getAccessibleName())).isEqualTo(PassphraseSection.NOT_PROTECTED);
        assertThat(profile.handed).singleElement().satisfies(a -> assertThat(new String(a)).matches("\0+"));
    }

    @Test
    void aPassphraseSetMeanwhileIsAskedForBeforeAnyChange(Robot robot) {
        // this section last saw no passphrase; another Settings dialog has set one since
        RecordingProfile profile = new RecordingProfile("set elsewhere");
        FrameFixture frame = show(robot, profile, false, new CopyOnWriteArrayList<>());
        JLabelFixture problem = frame.label("settings.passphrase.problem");
        frame.textBox("settings.passphrase.new").enterText("new secret words");
        frame.textBox("settings.passphrase.repeat").enterText("new secret words");
        frame.button("settings.passphrase.apply").click();
        AppDriver.await("the section asks for the current passphrase", () -> ("A passphrase was set meanwhile: enter"
                + " it as the current passphrase.").equals(problem.text()));
        frame.button("settings.passphrase.apply").requireText("Change passphrase");
        frame.textBox("settings.passphrase.current").requireEnabled().requireFocused();
        assertThat(profile.changedTo).as("nothing changed").isEmpty();
        assertThat(profile.handed).as("the new passphrase was not handed on").isEmpty();
    }

    @Test
    void aResultAfterTheDialogClosedGoesToTheStatusLine(Robot robot) throws Exception {
        RecordingProfile profile = new RecordingProfile(null);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        profile.before = hold;
        List<String> notices = new CopyOnWriteArrayList<>();
        FrameFixture frame = show(robot, profile, false, notices);
        frame.textBox("settings.passphrase.new").enterText("new secret words");
        frame.textBox("settings.passphrase.repeat").enterText("new secret words");
        frame.button("settings.passphrase.apply").click();
        GuiActionRunner.execute(() -> frame.target().dispose());
        hold.countDown();
        AppDriver.await("the status line is told", () -> notices.equals(List.of("Passphrase set.")));
    }

    private FrameFixture show(Robot robot, DesktopProfile profile, boolean hasPassphrase, List<String> notices) {
        JFrame frame = GuiActionRunner.execute(() -> {
            Looks.install(false);
            JFrame f = new JFrame("settings");
            f.add(new PassphraseSection(profile, hasPassphrase, tasks, set -> { }, notices::add), BorderLayout.CENTER);
            f.pack();
            // where the robot shows it anyway: without a window manager a move after mapping can leave Swing
            // believing the frame is still at 0,0, and clicks then miss by that much
            f.setLocation(100, 100);
            return f;
        });
        FrameFixture fixture = new FrameFixture(robot, frame);
        fixture.show();
        return fixture;
    }

    /** Keeps what it was handed: copies of the values at call time, and the arrays themselves to look at after. */
    private static final class RecordingProfile implements DesktopProfile {
        final List<String> checkedAs = new CopyOnWriteArrayList<>();
        final List<Optional<String>> changedTo = new CopyOnWriteArrayList<>();
        final List<char[]> handed = new CopyOnWriteArrayList<>();
        private final String current;
        volatile String failure;
        volatile java.util.concurrent.CountDownLatch before;

        RecordingProfile(String current) {
            this.current = current;
        }

        @Override
        public boolean checkPassphrase(char[] passphrase) {
            handed.add(passphrase);
            checkedAs.add(new String(passphrase));
            return new String(passphrase).equals(current);
        }

        @Override
        public void changePassphrase(Optional<char[]> passphrase) {
            passphrase.ifPresent(handed::add);
            changedTo.add(passphrase.map(String::new));
            try {
                if (before != null) {
                    before.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }

        @Override
        public boolean hasPassphrase() {
            return current != null;
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public Optional<BrokerSettings> open(Optional<char[]> passphrase) {
            throw new UnsupportedOperationException("the section never opens the profile");
        }

        @Override
        public ChatService start(BrokerSettings settings) {
            throw new UnsupportedOperationException("the section never starts chats");
        }

        @Override
        public ChatService restart(BrokerSettings settings) {
            throw new UnsupportedOperationException("the section never restarts chats");
        }

        @Override
        public Optional<String> preference(String key) {
            return Optional.empty();
        }

        @Override
        public void putPreference(String key, String value) {
            throw new UnsupportedOperationException("the section keeps no preference");
        }

        @Override
        public void close() {
        }
    }
}
