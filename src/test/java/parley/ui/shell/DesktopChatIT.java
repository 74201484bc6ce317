package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.ChatPhase;
import parley.chat.Delivery;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * Two desktop apps (Alice and Bob, two profiles, two windows) against the real broker stack: Alice shows an
 * invite, Bob scans it off the real (virtual) screen, they chat both ways with ticks, and Alice's history is
 * there after she restarts.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
public class DesktopChatIT {

    @Test
    void scanTheScreenChatBothWaysAndKeepTheHistory(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        AppDriver bob = AppDriver.firstRun("Bob", dir.resolve("bob"), robot, new Point(960, 0), stack);
        DialogFixture invite = alice.newInvite();
        invite.label("invite.waiting").requireText("Waiting for your friend to join…");
        assertThat(invite.textBox("invite.link").text()).contains("parley=1");

        DialogFixture join = bob.openJoin();
        join.button("join.scan").click();
        AppDriver.confirmOwnBrokerJoin(join, "Alice");

        bob.awaitOpenActiveChat();
        assertThat(bob.chats()).extracting(c -> c.name()).containsExactly("Alice");
        invite.requireNotVisible();
        alice.awaitOpenActiveChat();

        bob.send("Hello Alice, it is Bob");
        alice.awaitBubble("Hello Alice, it is Bob");
        String reply = "Hi Bob 👋 see https://example.org/parley, ok?";
        alice.send(reply);
        bob.awaitBubble(reply);
        AppDriver.await("Alice's reply acknowledged by Bob", () -> alice.deliveryOf(reply).equals(java.util.Optional.of(Delivery.DELIVERED)));
        AppDriver.await("Bob's message acknowledged by Alice",
            () -> bob.deliveryOf("Hello Alice, it is Bob").equals(java.util.Optional.of(Delivery.DELIVERED)));
        saveScreenshot(alice, "main-window.png");

        alice.close();
        // restarted as `parley gui --chat Bob` would: the chat opens by itself, with its history
        AppDriver again = AppDriver.launch("Alice", dir.resolve("alice"), robot, new Point(0, 0),
                new DesktopApp.Options(false, false, java.util.Optional.empty(), java.util.Optional.of("Bob")));
        again.awaitStarted();
        AppDriver.await("Alice's chat listed after the restart", () -> !again.chats().isEmpty());
        assertThat(again.chats()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Bob");
            assertThat(c.phase()).isEqualTo(ChatPhase.ACTIVE);
        });
        AppDriver.await("the history after the restart",
                () -> again.bubbleTexts().equals(java.util.List.of("Hello Alice, it is Bob", reply)));
        bob.send("still there?");
        again.awaitBubble("still there?");
    }

    static void saveScreenshot(AppDriver app, String file) throws Exception {
        saveScreenshot(app.window, file);
    }

    /** Saves what the screen shows of {@code window} under {@code target/screenshots/}. */
    static void saveScreenshot(java.awt.Window window, String file) throws Exception {
        Path dir = SwingExtension.screenshots();
        Files.createDirectories(dir);
        Rectangle bounds = GuiActionRunner.execute(() -> window.getBounds());
        BufferedImage shot = new java.awt.Robot().createScreenCapture(bounds);
        ImageIO.write(shot, "png", dir.resolve(file).toFile());
    }

    /** Saves {@code c} as it paints itself (no window around it) under {@code target/screenshots/}. */
    public static void saveComponent(java.awt.Component c, String file) throws Exception {
        Path dir = SwingExtension.screenshots();
        Files.createDirectories(dir);
        BufferedImage shot = GuiActionRunner.execute(() -> {
            BufferedImage image = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            c.paint(g);
            g.dispose();
            return image;
        });
        ImageIO.write(shot, "png", dir.resolve(file).toFile());
    }
}
