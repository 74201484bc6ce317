package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JButton;
import javax.swing.JScrollBar;
import javax.swing.JTextPane;
import javax.swing.UIManager;
import javax.swing.border.CompoundBorder;
import javax.swing.border.MatteBorder;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.ChatId;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.ui.conversation.MessageBubble;
import parley.ui.conversation.MessageColumn;
import parley.ui.kit.Looks;

/**
 * The conversation and the main window as a user sees them, on the real stack, in both themes: long words, URLs
 * and rows of emoji wrap inside their bubbles (at the default size, after a resize and after a theme switch);
 * Escape closes each dialog and clears the chat filter; the toolbar's actions are drawn as buttons; after a
 * switch to dark the header and the messages have no bright frame, the conversation stays at its bottom and old
 * and new bubbles have the same timestamps; errors are readable in both themes. Last, a picture inline and a file
 * card in the light look ({@code target/screenshots/conversation-files.png}, README's screenshot of files).
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class ConversationLooksIT {
    static final String LONG_WORD = "Donaudampfschifffahrtselektrizitaetenhauptbetriebswerkbauunterbeamtengesellschaft"
            .substring(0, 77);
    static final String LONG_URL = "https://example.org/a/very/long/path/that/never/ends/" + "segment/".repeat(12)
            + "?query=" + "x".repeat(40);
    static final String EMOJI_ROW = "😀🎉👍🏽🚀🌍🍕🐱🔥💡🎵".repeat(8);

    @Test
    void longTextWrapsEscapeClosesAndDarkModeLooksRight(Robot robot, BrokerStack stack, @TempDir Path dir)
            throws Exception {
        GuiActionRunner.execute(() -> Looks.switchTo(false));
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        try (CorePeer bob = CorePeer.start("Bob", dir.resolve("bob"), stack)) {
            ChatId chat = bob.joinInviteOf(alice);
            for (int i = 0; i < 12; i++) {
                bob.send(chat, "line " + i + " to fill the view so that it scrolls");
            }
            for (String text : List.of(LONG_WORD, "see " + LONG_URL + " there", EMOJI_ROW)) {
                bob.send(chat, text);
            }
            alice.awaitOpenActiveChat();
            alice.awaitBubble(EMOJI_ROW);
            alice.robotIdle();
            AppDriver.await("the newest message scrolled into view", () -> atBottom(alice));
            assertNothingPastTheBubbles(alice, "light, default size");
            DesktopChatIT.saveScreenshot(alice, "conversation-long-words.png");

            assertToolbarButtonsDrawnAsButtons(alice);
            escapeClosesTheDialogsAndClearsTheFilter(alice, robot);

            DialogFixture settings = settings(alice, robot);
            settings.radioButton("settings.theme.DARK").click();
            AppDriver.await("the dark look", () -> GuiActionRunner.execute(Looks::isDark));
            settings.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
            settings.requireNotVisible();
            alice.robotIdle();
            AppDriver.await("still at the bottom after the theme switch", () -> atBottom(alice));
            assertNothingPastTheBubbles(alice, "dark");
            assertNoBrightFrames(alice);
            bob.send(chat, "after the switch");
            alice.awaitBubble("after the switch");
            alice.robotIdle();
            assertTimestampsAlike(alice);
            DesktopChatIT.saveScreenshot(alice, "conversation-dark.png");

            GuiActionRunner.execute(() -> alice.window.setSize(720, 600));
            alice.robotIdle();
            AppDriver.await("laid out at the new size", () -> GuiActionRunner.execute(
                    () -> alice.window.conversation.column().getWidth() < 500));
            alice.robotIdle();
            assertNothingPastTheBubbles(alice, "dark, narrower window");
            DesktopChatIT.saveScreenshot(alice, "conversation-dark-narrow.png");

            // files in the light look at the usual size: a picture inline and a file card (README's screenshot)
            GuiActionRunner.execute(() -> {
                Looks.switchTo(false);
                alice.window.setSize(940, 720);
            });
            bob.send(chat, "the photos from Saturday, and the plan 👇");
            bob.service.files().send(chat, FilesGuiIT.picture(dir.resolve("harbour.png"), 800, 600)).get(30, TimeUnit.SECONDS);
            bob.service.files().send(chat, java.nio.file.Files.write(dir.resolve("Saturday plan.pdf"), FilesGuiIT.pdfLike(184_000)))
                    .get(30, TimeUnit.SECONDS);
            AppDriver.await("the picture inline", () -> GuiActionRunner.execute(() -> alice.window.conversation.column()
                    .bubbles().stream().anyMatch(b -> b.thumbnail().map(l -> l.getIcon() != null).orElse(false))));
            AppDriver.await("the file card ready", () -> GuiActionRunner.execute(() -> alice.window.conversation.column()
                    .bubbles().stream().anyMatch(b -> b.attachment().filter(a -> a.name().equals("Saturday plan.pdf")
                            && a.state() == parley.chat.TransferState.COMPLETE).isPresent())));
            alice.send("Lovely, thanks!");
            alice.awaitBubble("Lovely, thanks!");
            alice.robotIdle();
            AppDriver.await("the newest message scrolled into view", () -> atBottom(alice));
            assertNothingPastTheBubbles(alice, "light, with files");
            DesktopChatIT.saveScreenshot(alice, "conversation-files.png");
        } finally {
            GuiActionRunner.execute(() -> Looks.switchTo(false));
        }
    }

    /** No character of any bubble's text lies right of what the bubble shows, and no bubble leaves the column. */
    private static void assertNothingPastTheBubbles(AppDriver app, String when) {
        List<String> past = GuiActionRunner.execute(() -> {
            List<String> found = new ArrayList<>();
            MessageColumn column = app.window.conversation.column();
            for (MessageBubble bubble : column.bubbles()) {
                if (bubble.attachmentView().isPresent()) {
                    if (bubble.getX() < 0 || bubble.getX() + bubble.getWidth() > column.getWidth()) {
                        found.add("a file's bubble at " + bubble.getBounds() + " in a column " + column.getWidth() + " wide");
                    }
                    continue; // a file shows its card or picture, not the text
                }
                JTextPane text = bubble.textPane();
                if (bubble.getX() < 0 || bubble.getX() + bubble.getWidth() > column.getWidth()) {
                    found.add("bubble \"" + cut(bubble.text()) + "\" at " + bubble.getBounds() + " in a column "
                            + column.getWidth() + " wide");
                }
                if (text.getX() + text.getWidth() > bubble.getWidth()) {
                    found.add("text of \"" + cut(bubble.text()) + "\" is wider than its bubble");
                }
                for (int at = 0; at <= text.getDocument().getLength(); at++) {
                    Rectangle2D r = text.modelToView2D(at);
                    if (r.getMaxX() > text.getWidth() + 1) {
                        found.add("\"" + cut(bubble.text()) + "\": offset " + at + " drawn at x=" + r.getMaxX()
                                + ", the text is " + text.getWidth() + " wide");
                        break;
                    }
                }
            }
            return found;
        });
        assertThat(past).as(when + ": text past the right edge of its bubble").isEmpty();
        assertThat(GuiActionRunner.execute(() -> app.window.conversation.column().bubbles().stream()
                .filter(b -> b.text().equals(LONG_WORD)).findFirst().orElseThrow().textPane().getHeight()))
                .as(when + ": the long word is wrapped onto more than one line")
                .isGreaterThan(GuiActionRunner.execute(() -> 2 * app.window.conversation.column().bubbles().getFirst()
                        .textPane().getFontMetrics(app.window.conversation.column().bubbles().getFirst().textPane()
                                .getFont()).getHeight() - 2));
    }

    private static String cut(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    private static boolean atBottom(AppDriver app) {
        return GuiActionRunner.execute(() -> {
            JScrollBar bar = app.window.conversation.scroll().getVerticalScrollBar();
            return bar.getMaximum() > bar.getVisibleAmount() && bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - 2;
        });
    }

    /** A button shows a filled face (not only its words on the bar's background), as the dialogs' buttons do. */
    private static void assertToolbarButtonsDrawnAsButtons(AppDriver app) throws Exception {
        app.activate();
        JButton invite = (JButton) app.frame.button("toolbar.NEW_INVITE").target();
        Point[] at = GuiActionRunner.execute(() -> {
            Point p = invite.getLocationOnScreen();
            return new Point[] {new Point(p.x + 3, p.y + invite.getHeight() / 2), new Point(p.x - 2, p.y + invite.getHeight() / 2)};
        });
        java.awt.Robot screen = new java.awt.Robot();
        Color face = screen.getPixelColor(at[0].x, at[0].y);
        Color bar = screen.getPixelColor(at[1].x, at[1].y);
        assertThat(face).as("the New invite button's edge against the bar beside it").isNotEqualTo(bar);
    }

    private static void escapeClosesTheDialogsAndClearsTheFilter(AppDriver app, Robot robot) {
        DialogFixture settings = settings(app, robot);
        settings.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        AppDriver.await("Escape closes Settings", () -> !GuiActionRunner.execute(() -> settings.target().isShowing()));

        DialogFixture join = app.openJoin();
        join.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        AppDriver.await("Escape closes Join", () -> !GuiActionRunner.execute(() -> join.target().isShowing()));

        DialogFixture info = app.openVerify();
        info.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        AppDriver.await("Escape closes the chat's details", () -> !GuiActionRunner.execute(() -> info.target().isShowing()));

        DialogFixture invite = AppDriver.onScreen(app.newInviteShown());
        invite.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        AppDriver.await("Escape closes New invite", () -> !GuiActionRunner.execute(() -> invite.target().isShowing()));
        AppDriver.await("and cancels its invite", () -> app.chats().size() == 1);

        app.activate();
        app.frame.textBox("chats.find").focus().enterText("zz");
        AppDriver.await("the filter hides Bob", () -> GuiActionRunner.execute(
                () -> app.window.chatList.rows().getModel().getSize() == 0));
        app.frame.textBox("chats.find").pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        app.frame.textBox("chats.find").requireText("");
        AppDriver.await("Escape clears the filter", () -> GuiActionRunner.execute(
                () -> app.window.chatList.rows().getModel().getSize() == 1));
    }

    private static DialogFixture settings(AppDriver app, Robot robot) {
        app.activate();
        app.frame.menuItem("menu.SETTINGS").click();
        return AppDriver.onScreen(WindowFinder.findDialog("dialog.settings").withTimeout(20, TimeUnit.SECONDS).using(robot));
    }

    /** The header's rule is the dark look's separator; the messages have no frame; no light line at their edge. */
    private static void assertNoBrightFrames(AppDriver app) throws Exception {
        GuiActionRunner.execute(() -> {
            var scroll = app.window.conversation.scroll();
            assertThat(scroll.getInsets()).as("no frame around the messages").isEqualTo(new java.awt.Insets(0, 0, 0, 0));
            var header = (javax.swing.JComponent) app.window.conversation.column().getParent().getParent().getParent()
                    .getComponent(0);
            var rule = (MatteBorder) ((CompoundBorder) header.getBorder()).getOutsideBorder();
            assertThat(rule.getMatteColor()).as("the header's rule in the dark look's colour")
                    .isEqualTo(UIManager.getColor("Separator.foreground"));
        });
        Rectangle messages = GuiActionRunner.execute(() -> {
            var scroll = app.window.conversation.scroll();
            return new Rectangle(scroll.getLocationOnScreen(), scroll.getSize());
        });
        java.awt.Robot screen = new java.awt.Robot();
        for (int y = messages.y + 10; y < messages.y + messages.height - 10; y += 37) {
            for (int x : new int[] {messages.x, messages.x + 1, messages.x + messages.width - 1}) {
                assertThat(luminance(screen.getPixelColor(x, y))).as("the edge of the messages at %d,%d", x, y)
                        .isLessThan(0.35);
            }
        }
    }

    /**
     * Every bubble's time in the same colour and font, and its text with the same margins: the old ones followed the
     * switch like the new one.
     */
    private static void assertTimestampsAlike(AppDriver app) {
        GuiActionRunner.execute(() -> {
            List<MessageBubble> bubbles = app.window.conversation.column().bubbles();
            MessageBubble newest = bubbles.getLast();
            Color expected = UIManager.getColor("Parley.bubble.meta");
            for (MessageBubble b : bubbles) {
                if (b.attachmentView().isPresent()) {
                    continue;
                }
                assertThat(b.meta().getForeground().getRGB()).as("the time of \"%s\"", cut(b.text()))
                        .isEqualTo(expected.getRGB());
                assertThat(b.meta().getFont()).as("the time's font of \"%s\"", cut(b.text()))
                        .isEqualTo(newest.meta().getFont());
                assertThat(b.textPane().getInsets()).as("the text's margin in \"%s\"", cut(b.text()))
                        .isEqualTo(newest.textPane().getInsets());
                assertThat(b.getInsets()).as("the padding of \"%s\"", cut(b.text())).isEqualTo(newest.getInsets());
            }
        });
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }
}
