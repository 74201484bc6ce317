package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.JScrollBarFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.ChatId;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.ui.conversation.ConversationPanel;
import parley.ui.conversation.MessageBubble;

/**
 * A long chat in the desktop app: opened, it shows its newest page at the bottom; scrolled to the top it pages in
 * the older messages until the first, in order, none twice, none missing, and the message the user was looking at
 * stays where it was on the screen while each older page is put in above it.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class HistoryPagingIT {
    private static final int MESSAGES = 180;

    @Test
    void scrollingUpPagesInTheWholeHistoryWithoutJumps(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        List<String> texts = IntStream.rangeClosed(1, MESSAGES).mapToObj(HistoryPagingIT::text).toList();
        try (CorePeer bob = CorePeer.start("Bob", dir.resolve("bob"), stack)) {
            ChatId chat = bob.joinInviteOf(alice);
            for (String t : texts) {
                bob.send(chat, t);
            }
            AppDriver.await("Alice's app received all " + MESSAGES, () -> alice.bubbleTexts().size() == MESSAGES);
            alice.close();

            // opened afresh, the chat shows its newest page, scrolled to the bottom
            AppDriver again = AppDriver.launch("Alice", dir.resolve("alice"), robot, new Point(0, 0));
            again.awaitStarted();
            AppDriver.await("the chat listed after the restart", () -> !again.chats().isEmpty());
            again.selectChat("Bob");
            List<String> newest = texts.subList(MESSAGES - ConversationPanel.PAGE, MESSAGES);
            AppDriver.awaitEqual("the newest page shown", again::bubbleTexts, newest);
            AppDriver.await("the newest message in view", () -> inView(again, texts.getLast()));
            assertThat(inView(again, newest.getFirst())).as("the oldest of the page is above the view").isFalse();

            // each time the user scrolls to the top, one older page comes in above what they look at
            JScrollBarFixture bar = new JScrollBarFixture(robot,
                    GuiActionRunner.execute(() -> again.window.conversation.scroll().getVerticalScrollBar()));
            int shown = ConversationPanel.PAGE;
            while (shown < MESSAGES) {
                String top = again.bubbleTexts().getFirst();
                int topY = GuiActionRunner.execute(() -> bubble(again, top).getY());
                bar.scrollToMinimum();
                int expected = Math.min(MESSAGES, shown + ConversationPanel.PAGE);
                AppDriver.awaitEqual("one older page put in above \"" + top + "\"", again::bubbleTexts,
                        texts.subList(MESSAGES - expected, MESSAGES));
                // scrolled to the top, that message sat topY below the view's top edge: it must still sit there
                assertThat(viewOffset(again, top)).as("where \"" + top + "\" sits in the view after the page came in")
                        .isEqualTo(topY);
                shown = expected;
            }
            bar.scrollToMinimum();
            AppDriver.await("the very first message in view", () -> inView(again, texts.getFirst()));
            assertThat(again.bubbleTexts()).as("the whole history, in order, no duplicates, no gaps").isEqualTo(texts);

            // reading at the top, a new message comes in at the bottom and leaves the view where it is
            int firstAt = viewOffset(again, texts.getFirst());
            bob.send(chat, "a new one");
            again.awaitBubble("a new one");
            again.robotIdle();
            assertThat(viewOffset(again, texts.getFirst())).as("the first message stays put").isEqualTo(firstAt);
            assertThat(inView(again, "a new one")).isFalse();
        }
    }

    /** Some one-liners, some that wrap: pages of different heights. */
    private static String text(int n) {
        return n % 7 == 0 ? "message " + n + ": " + "a longer line that wraps in the bubble, ".repeat(4).strip()
                : "message " + n;
    }

    private static MessageBubble bubble(AppDriver app, String text) {
        Optional<MessageBubble> found = app.window.conversation.column().bubbles().stream()
                .filter(b -> b.text().equals(text)).findFirst();
        return found.orElseThrow(() -> new AssertionError("no bubble \"" + text + "\""));
    }

    /** How far below the top edge of the visible part the bubble with {@code text} sits. */
    private static int viewOffset(AppDriver app, String text) {
        return GuiActionRunner.execute(() -> bubble(app, text).getY()
                - app.window.conversation.scroll().getViewport().getViewRect().y);
    }

    /** Whether the bubble with {@code text} is wholly inside the visible part of the conversation. */
    private static boolean inView(AppDriver app, String text) {
        return GuiActionRunner.execute(() -> {
            Rectangle view = app.window.conversation.scroll().getViewport().getViewRect();
            return app.window.conversation.column().bubbles().stream().filter(b -> b.text().equals(text))
                    .anyMatch(b -> view.contains(b.getBounds()));
        });
    }
}
