package parley.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BorderLayout;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JFrame;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.ui.kit.Looks;
import parley.ui.shell.SwingExtension;

@ExtendWith(SwingExtension.class)
class ComposerTest {

    private FrameFixture show(Robot robot, List<String> sent) {
        JFrame frame = GuiActionRunner.execute(() -> {
            Looks.install(false);
            JFrame f = new JFrame("composer");
            f.add(new Composer(sent::add), BorderLayout.CENTER);
            f.setSize(600, 200);
            return f;
        });
        FrameFixture fixture = new FrameFixture(robot, frame);
        fixture.show();
        return fixture;
    }

    @Test
    void enterSendsAndShiftEnterStartsANewLine(Robot robot) {
        List<String> sent = new CopyOnWriteArrayList<>();
        FrameFixture frame = show(robot, sent);
        var input = frame.textBox("composer.input");
        input.enterText("first line");
        input.pressKey(KeyEvent.VK_SHIFT).pressAndReleaseKeys(KeyEvent.VK_ENTER).releaseKey(KeyEvent.VK_SHIFT);
        input.enterText("second");
        assertThat(sent).isEmpty();
        input.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        assertThat(sent).containsExactly("first line\nsecond");
        input.requireText("");
        input.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        assertThat(sent).as("an empty message is not sent").hasSize(1);
    }

    @Test
    void theCounterShowsUtf8BytesAndALongerMessageCannotBeSent(Robot robot) {
        List<String> sent = new CopyOnWriteArrayList<>();
        FrameFixture frame = show(robot, sent);
        var input = frame.textBox("composer.input");
        input.setText("é€😀");
        frame.label("composer.counter").requireText("9 / 16,384 bytes");
        input.setText("ü".repeat(8193)); // 16,386 bytes
        frame.label("composer.counter").requireText("16,386 / 16,384 bytes");
        frame.button("composer.send").requireDisabled();
        input.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        assertThat(sent).isEmpty();
        input.setText("ü".repeat(8192));
        frame.button("composer.send").requireEnabled().click();
        assertThat(sent).singleElement().satisfies(s -> assertThat(s).hasSize(8192));
    }
}
