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
import parley.ui.shell.DesktopChatIT;

@ExtendWith(SwingExtension.class)
class ComposerTest {

    private FrameFixture show(Robot robot, List<String> sent) {
        JFrame frame = GuiActionRunner.execute(() -> {
            Looks.install(false);
            JFrame f = new JFrame("composer");
            f.add(new Composer(sent::add, () -> { }, h -> h), BorderLayout.CENTER);
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
        Composer composer = (Composer) ((JFrame) frame.target()).getContentPane().getComponent(0);
        java.awt.Rectangle inputBefore = GuiActionRunner.execute(() -> composer.input().getParent().getParent().getBounds());
        java.awt.Rectangle counterBefore = GuiActionRunner.execute(() -> frame.label("composer.counter").target().getBounds());
        input.setText("é€😀");
        frame.label("composer.counter").requireText("");
        input.setText("a".repeat(Composer.NEAR_BYTES - 1));
        frame.label("composer.counter").requireText("");
        input.setText("a".repeat(Composer.NEAR_BYTES));
        frame.label("composer.counter").requireText("12,288 / 16,384 bytes");
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> composer.input().getParent().getParent().getBounds()))
                .as("the input keeps its place when the counter appears").isEqualTo(inputBefore);
        assertThat(GuiActionRunner.execute(() -> frame.label("composer.counter").target().getBounds()))
                .as("the counter's room is kept while it is empty").isEqualTo(counterBefore);
        input.setText("ü".repeat(8193)); // 16,386 bytes
        frame.label("composer.counter").requireText("16,386 / 16,384 bytes");
        frame.button("composer.send").requireDisabled();
        input.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        assertThat(sent).isEmpty();
        input.setText("ü".repeat(8192));
        frame.button("composer.send").requireEnabled().click();
        assertThat(sent).singleElement().satisfies(s -> assertThat(s).hasSize(8192));
    }

    @Test
    void typedEmojiAreDrawnInTheEmojiFontAndAnEmptyComposerSaysWhatItIsFor(Robot robot) throws Exception {
        FrameFixture frame = show(robot, new CopyOnWriteArrayList<>());
        Composer composer = (Composer) ((JFrame) frame.target()).getContentPane().getComponent(0);
        ComposerInput input = GuiActionRunner.execute(composer::input);
        assertThat(GuiActionRunner.execute(() -> input.placeholder())).isEqualTo(Composer.PLACEHOLDER);
        assertThat(inkIn(input)).as("the empty composer draws its placeholder").isPositive();
        frame.textBox("composer.input").setText("Hi 😀👍🏽 ok");
        String text = "Hi 😀👍🏽 ok";
        for (int at = 0; at < text.length(); at = text.offsetByCodePoints(at, 1)) {
            int cp = text.codePointAt(at);
            int offset = at;
            java.awt.Font font = GuiActionRunner.execute(() -> input.getStyledDocument()
                    .getFont(input.getStyledDocument().getCharacterElement(offset).getAttributes()));
            assertThat(font.canDisplay(cp)).as("the font at %d (%s) can draw U+%X", at, font.getFamily(), cp).isTrue();
            var glyphs = font.createGlyphVector(new java.awt.font.FontRenderContext(null, true, true),
                    new String(Character.toChars(cp)));
            assertThat(glyphs.getGlyphCode(0)).as("U+%X is not the missing-glyph box", cp)
                    .isNotEqualTo(font.getMissingGlyphCode());
        }
        DesktopChatIT.saveComponent(input, "composer-emoji.png");
    }

    /** How many pixels of {@code c}, painted as the screen shows it, differ from its background. */
    private static long inkIn(javax.swing.JComponent c) {
        return GuiActionRunner.execute(() -> {
            var image = new java.awt.image.BufferedImage(c.getWidth(), c.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            c.paint(g);
            g.dispose();
            int bg = image.getRGB(1, 1);
            long ink = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    ink += image.getRGB(x, y) != bg ? 1 : 0;
                }
            }
            return ink;
        });
    }
}
