package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.SystemTray;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.UIManager;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.ChatId;
import parley.chat.ChatService;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * New messages while the user looks elsewhere: with another window focused, a message shows a notice in the
 * status line ("New message from Bob", the text only once previews are on in Settings, a choice kept over a
 * restart), the unread count in the window title and a badge on the chat's row (a bare X server has no
 * system tray, so these are the whole notification); coming back to the chat clears them. While the user looks
 * at the chat, a message brings no notice and no unread count, not even for a moment.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class NotificationsIT {

    @Test
    void noticeTitleAndBadgeWhileAwayNothingWhileLooking(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        assertThat(SystemTray.isSupported()).as("a bare X server (Xvfb) has no system tray").isFalse();
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        try (CorePeer bob = CorePeer.start("Bob", dir.resolve("bob"), stack)) {
            ChatId chat = bob.joinInviteOf(alice);
            ChatId aliceChat = alice.awaitOpenActiveChat().id();
            ChatService service = alice.window.service().orElseThrow();
            String title = "Parley — Alice"; // the user's name, not the profile's folder
            assertThat(windowTitle(alice)).isEqualTo(title);

            // the user is in another application's window
            JFrame other = GuiActionRunner.execute(() -> {
                JFrame f = new JFrame("Another application");
                f.add(new JLabel("something else"));
                f.setBounds(960, 0, 400, 300);
                f.setVisible(true);
                return f;
            });
            focus(robot, other);
            AppDriver.await("the other window has the focus", () -> GuiActionRunner.execute(
                    () -> other.isFocused() && !alice.window.isFocused()));

            bob.send(chat, "Are you there?");
            AppDriver.awaitEqual("the notice in the status line, without the text", () -> notice(alice),
                    "New message from Bob");
            AppDriver.awaitEqual("the unread count in the title", () -> windowTitle(alice), "(1) " + title);
            AppDriver.await("the unread badge on Bob's row", () -> badgeShown(alice, "Bob"));
            assertThat(rowSpoken(alice, "Bob")).contains("1 unread");
            bob.send(chat, "Hello?\nAnyone?");
            AppDriver.awaitEqual("two unread in the title", () -> windowTitle(alice), "(2) " + title);
            assertThat(rowSpoken(alice, "Bob")).contains("2 unread");
            assertThat(notice(alice)).as("still no text in the notice").isEqualTo("New message from Bob");

            // back in Parley, on Bob's chat: read
            alice.activate();
            AppDriver.awaitEqual("the title without a count", () -> windowTitle(alice), title);
            AppDriver.awaitEqual("the notice gone", () -> notice(alice), "");
            AppDriver.await("the badge gone", () -> !badgeShown(alice, "Bob"));
            assertThat(service.chat(aliceChat).get(10, TimeUnit.SECONDS).unread()).isZero();

            // previews on, in Settings: the notice carries the message's first words, on one line
            DialogFixture settings = openSettings(alice, robot);
            settings.checkBox("settings.previews").requireNotSelected().click();
            settings.button("settings.close").click();
            focus(robot, other);
            AppDriver.await("the other window has the focus again", () -> GuiActionRunner.execute(
                    () -> other.isFocused() && !alice.window.isFocused()));
            bob.send(chat, "Hello?\nAnyone? " + "x".repeat(90));
            AppDriver.awaitEqual("the notice with the preview", () -> notice(alice),
                    "New message from Bob: Hello? Anyone? " + "x".repeat(80 - 15) + "…");
            alice.activate();
            AppDriver.awaitEqual("the notice gone once read", () -> notice(alice), "");

            // looking at the chat: the message is simply there
            List<String> titles = new CopyOnWriteArrayList<>();
            List<String> notices = new CopyOnWriteArrayList<>();
            GuiActionRunner.execute(() -> {
                alice.window.addPropertyChangeListener("title", e -> titles.add(String.valueOf(e.getNewValue())));
                alice.frame.label("status.notice").target()
                        .addPropertyChangeListener("text", e -> notices.add(String.valueOf(e.getNewValue())));
            });
            bob.send(chat, "while you look");
            alice.awaitBubble("while you look");
            AppDriver.await("the chat read in the service",
                    () -> service.chat(aliceChat).join().unread() == 0);
            alice.robotIdle(); // the events the service sent before it read the chat have reached the window
            assertThat(titles).as("the window titles while the message came in").noneMatch(t -> t.startsWith("("));
            assertThat(notices).as("the notices while the message came in").noneMatch(t -> t.startsWith("New message"));
            assertThat(windowTitle(alice)).isEqualTo(title);
            assertThat(badgeShown(alice, "Bob")).isFalse();
            GuiActionRunner.execute(other::dispose);
        }
        alice.close();
        AppDriver again = AppDriver.launch("Alice", dir.resolve("alice"), robot, new Point(0, 0));
        again.awaitStarted();
        openSettings(again, robot).checkBox("settings.previews").requireSelected();
    }

    private static DialogFixture openSettings(AppDriver app, Robot robot) {
        app.activate();
        app.frame.menuItem("menu.SETTINGS").click();
        return WindowFinder.findDialog("dialog.settings").withTimeout(10, TimeUnit.SECONDS).using(robot);
    }

    private static void focus(Robot robot, JFrame frame) {
        GuiActionRunner.execute(() -> {
            frame.toFront();
            frame.requestFocus();
        });
        robot.waitForIdle();
    }

    private static String windowTitle(AppDriver app) {
        return GuiActionRunner.execute(app.window::getTitle);
    }

    private static String notice(AppDriver app) {
        return GuiActionRunner.execute(() -> app.window.status.noticeText());
    }

    private static int row(AppDriver app, String chatName) {
        var model = app.window.chatList.rows().getModel();
        for (int i = 0; i < model.getSize(); i++) {
            if (model.getElementAt(i).chat().name().equals(chatName)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + chatName);
    }

    /** What a screen reader says for the chat's row. */
    private static String rowSpoken(AppDriver app, String chatName) {
        return GuiActionRunner.execute(() -> app.window.chatList.rows().getModel().getElementAt(row(app, chatName)).spoken());
    }

    /** Whether the chat's row, as the screen shows it, has pixels of the unread badge's colour. */
    private static boolean badgeShown(AppDriver app, String chatName) {
        Rectangle cell = GuiActionRunner.execute(() -> {
            var rows = app.window.chatList.rows();
            Rectangle r = rows.getCellBounds(row(app, chatName), row(app, chatName));
            Point on = rows.getLocationOnScreen();
            return new Rectangle(on.x + r.x, on.y + r.y, r.width, r.height);
        });
        int badge = GuiActionRunner.execute(() -> UIManager.getColor("Parley.badge.background")).getRGB();
        BufferedImage shot;
        try {
            shot = new java.awt.Robot().createScreenCapture(cell);
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException("no screen capture", e);
        }
        int count = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                if (shot.getRGB(x, y) == badge) {
                    count++;
                }
            }
        }
        return count > 20; // a filled pill, not a stray anti-aliased pixel
    }
}
