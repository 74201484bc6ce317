package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLaf;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.swing.UIManager;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.ui.conversation.MessageBubble;
import parley.ui.conversation.MessageColumn;
import parley.ui.kit.Looks;
import parley.ui.settings.DesktopColorScheme;
import parley.ui.settings.ThemeChoice;

/**
 * The theme in Settings: Dark turns the running window dark at once (FlatLaf's dark look, and dark pixels on the
 * screen), Light turns it back, the choice is kept in the profile across a restart, and "Follow the desktop"
 * means light where no desktop portal can be asked, as {@link ThemeChoice#dark} documents (bare Xvfb has none).
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class ThemeSwitchIT {

    @Test
    void darkAtOnceLightBackKeptAfterRestartAndLightWithoutAPortal(Robot robot, BrokerStack stack, @TempDir Path dir)
            throws Exception {
        assertThat(DesktopColorScheme.prefersDark())
                .as("no desktop portal answers here (run the GUI tests under xvfb-run -a, as scripts/test does)")
                .isEmpty();
        Path profile = dir.resolve("alice");
        // another look left in this JVM: the new profile's app must still start in its own (light) one
        setLook(true);
        AppDriver alice = AppDriver.firstRun("Alice", profile, robot, new Point(0, 0), stack);
        awaitLook(alice, false, "a new profile follows the desktop: light without a portal");
        try (CorePeer bob = CorePeer.start("Bob", dir.resolve("bob"), stack)) {
            bob.send(bob.joinInviteOf(alice), "dark or light?");
            alice.awaitBubble("dark or light?");
        }
        awaitConversationColours(alice, false, "light at the start");

        DialogFixture settings = openSettings(alice, robot);
        settings.radioButton("settings.theme.SYSTEM").requireSelected();
        settings.radioButton("settings.theme.DARK").click();
        awaitLook(alice, true, "Dark, at once");
        awaitConversationColours(alice, true, "Dark, at once");
        assertThat(UIManager.getLookAndFeel().getClass().getSimpleName()).isEqualTo("FlatDarkLaf");
        DesktopChatIT.saveScreenshot(alice, "theme-dark.png");
        settings.radioButton("settings.theme.LIGHT").click();
        awaitLook(alice, false, "Light again");
        awaitConversationColours(alice, false, "Light again");
        settings.radioButton("settings.theme.DARK").click();
        awaitLook(alice, true, "Dark again");
        settings.button("settings.close").click();

        alice.close();
        setLook(false);
        AppDriver again = AppDriver.launch("Alice", profile, robot, new Point(0, 0));
        again.awaitStarted();
        awaitLook(again, true, "Dark after the restart");
        again.selectChat("Bob");
        again.awaitBubble("dark or light?");
        awaitConversationColours(again, true, "Dark after the restart");
        DialogFixture reopened = openSettings(again, robot);
        reopened.radioButton("settings.theme.DARK").requireSelected();
        reopened.radioButton("settings.theme.SYSTEM").click();
        awaitLook(again, false, "Follow the desktop without a portal: light");
        reopened.button("settings.close").click();

        again.close();
        setLook(true);
        AppDriver third = AppDriver.launch("Alice", profile, robot, new Point(0, 0));
        third.awaitStarted();
        awaitLook(third, false, "Follow the desktop kept after the restart: light");
        openSettings(third, robot).radioButton("settings.theme.SYSTEM").requireSelected();
    }

    private static DialogFixture openSettings(AppDriver app, Robot robot) {
        app.activate();
        app.frame.menuItem("menu.SETTINGS").click();
        DialogFixture settings = WindowFinder.findDialog("dialog.settings").withTimeout(10, TimeUnit.SECONDS).using(robot);
        // beside the main window: the colours are read off the conversation, which the dialog must not cover
        GuiActionRunner.execute(() -> settings.target().setLocation(app.window.getX() + app.window.getWidth() + 10, 0));
        robot.waitForIdle();
        return settings;
    }

    /** Puts this JVM's look to dark or light, as another app window before might have left it. */
    private static void setLook(boolean dark) {
        GuiActionRunner.execute(() -> Looks.switchTo(dark));
    }

    /** Waits until FlatLaf's look and the window's pixels on the screen are dark (or light). */
    private static void awaitLook(AppDriver app, boolean dark, String what) {
        AppDriver.awaitEqual(what + ": FlatLaf's look is dark", () -> GuiActionRunner.execute(FlatLaf::isLafDark), dark);
        AppDriver.awaitEqual(what + ": the window on the screen is dark", () -> luminance(app) < 0.4, dark);
        double l = luminance(app);
        assertThat(dark ? l < 0.3 : l > 0.8).as(what + ": mean luminance of the window on the screen " + l).isTrue();
    }

    /**
     * Waits until the open conversation's background and its (incoming) bubble show the theme's colours on the
     * screen: Parley's own keys in {@code parley/ui/theme/Flat*Laf.properties}.
     */
    private static void awaitConversationColours(AppDriver app, boolean dark, String what) {
        int background = dark ? 0x242528 : 0xffffff;
        int bubble = dark ? 0x35373b : 0xf0f0f2;
        AppDriver.awaitEqual(what + ": conversation background and bubble on the screen", () -> {
            Point[] at = GuiActionRunner.execute(() -> {
                MessageColumn column = app.window.conversation.column();
                MessageBubble first = column.bubbles().getFirst();
                Point c = column.getLocationOnScreen();
                Point b = first.getLocationOnScreen();
                return new Point[] {new Point(c.x + column.getWidth() / 2, c.y + 4),
                        new Point(b.x + 4, b.y + first.getHeight() / 2)};
            });
            return java.util.List.of(pixel(at[0]), pixel(at[1]));
        }, java.util.List.of(hex(background), hex(bubble)));
    }

    private static String pixel(Point p) {
        try {
            return hex(new java.awt.Robot().getPixelColor(p.x, p.y).getRGB() & 0xffffff);
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException("no screen capture", e);
        }
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }

    /** The mean luminance (0 black .. 1 white) of the main window's content as the screen shows it. */
    private static double luminance(AppDriver app) {
        Rectangle content = GuiActionRunner.execute(() -> {
            var pane = app.window.getContentPane();
            return new Rectangle(pane.getLocationOnScreen(), pane.getSize());
        });
        BufferedImage shot;
        try {
            shot = new java.awt.Robot().createScreenCapture(content);
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException("no screen capture", e);
        }
        double sum = 0;
        int n = 0;
        for (int y = 0; y < shot.getHeight(); y += 3) {
            for (int x = 0; x < shot.getWidth(); x += 3) {
                int rgb = shot.getRGB(x, y);
                sum += (0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff)) / 255;
                n++;
            }
        }
        return sum / n;
    }
}
