package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Point;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.swing.JDialog;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.Chat;
import parley.chat.ChatException;
import parley.crypto.ChatId;
import parley.chat.ChatService;
import parley.store.ProfileStore;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * Renaming and deleting a chat in the desktop app: the new name shows in the list and the header and is kept
 * after a restart; deleting asks first, Cancel keeps the chat, OK removes it from the list, from the chat service
 * and from the profile on disk (its keys and history), and it stays gone after a restart.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class RenameDeleteIT {

    @Test
    void renameThenDeleteAfterAConfirmation(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        Path profile = dir.resolve("alice");
        AppDriver alice = AppDriver.firstRun("Alice", profile, robot, new Point(0, 0), stack);
        try (CorePeer bob = CorePeer.start("Bob", dir.resolve("bob"), stack);
             CorePeer carol = CorePeer.start("Carol", dir.resolve("carol"), stack)) {
            bob.send(bob.joinInviteOf(alice), "hi from Bob");
            carol.send(carol.joinInviteOf(alice), "hi from Carol");
            alice.awaitBubble("hi from Carol");
            alice.selectChat("Bob");
            alice.awaitBubble("hi from Bob");
            ChatId bobChat = alice.openChat().id();

            // rename through Chat > Rename chat…
            alice.frame.menuItem("menu.RENAME_CHAT").click();
            JOptionPaneFixture rename = optionPane(robot, "Rename chat");
            assertThat(rename.textBox().text()).as("the dialog starts from the current name").isEqualTo("Bob");
            rename.textBox().setText("  Bob from work ");
            rename.okButton().click();
            AppDriver.await("the header shows the new name", () -> header(alice).equals("Bob from work"));
            AppDriver.awaitEqual("the list shows the new name", () -> listed(alice), Set.of("Bob from work", "Carol"));
            assertThat(name(alice.window.service().orElseThrow(), bobChat)).isEqualTo("Bob from work");

            // delete Carol's chat: asked first, and Cancel keeps it
            alice.selectChat("Carol");
            alice.awaitBubble("hi from Carol");
            ChatId carolChat = alice.openChat().id();
            alice.frame.menuItem("menu.DELETE_CHAT").click();
            JOptionPaneFixture confirm = optionPane(robot, "Delete chat");
            assertThat(AppDriver.messageText(confirm))
                    .startsWith("Delete \"Carol\"?").contains("keys and its whole history are wiped");
            assertThat(GuiActionRunner.execute(() -> confirm.target().getRootPane().getDefaultButton().getText()))
                    .as("Cancel is the default: Enter keeps the chat").isEqualTo("Cancel");
            confirm.buttonWithText("Delete").requireVisible();
            confirm.pressAndReleaseKeys(KeyEvent.VK_ENTER);
            AppDriver.await("the question gone", () -> !GuiActionRunner.execute(() -> confirm.target().isShowing()));
            assertThat(listed(alice)).as("Cancel keeps the chat").containsExactlyInAnyOrder("Bob from work", "Carol");
            assertThat(header(alice)).isEqualTo("Carol");
            assertThat(alice.bubbleTexts()).containsExactly("hi from Carol");
            assertThat(history(alice.window.service().orElseThrow(), carolChat)).containsExactly("hi from Carol");

            // and again, by its shortcut, and OK
            alice.activate();
            alice.frame.textBox("composer.input").focus();
            robot.pressKey(KeyEvent.VK_CONTROL);
            robot.pressKey(KeyEvent.VK_SHIFT);
            robot.pressAndReleaseKeys(KeyEvent.VK_DELETE);
            robot.releaseKey(KeyEvent.VK_SHIFT);
            robot.releaseKey(KeyEvent.VK_CONTROL);
            optionPane(robot, "Delete chat").buttonWithText("Delete").click();
            AppDriver.awaitEqual("the list without Carol", () -> listed(alice), Set.of("Bob from work"));
            AppDriver.await("no chat open any more", () -> GuiActionRunner.execute(
                    () -> alice.window.conversation.current().isEmpty()));
            AppDriver.awaitEqual("what the status line says", () -> GuiActionRunner.execute(
                    () -> alice.window.status.noticeText()), "Deleted Carol");
            ChatService service = alice.window.service().orElseThrow();
            assertThat(service.chats().get(10, TimeUnit.SECONDS)).extracting(Chat::id).containsExactly(bobChat);
            assertThatThrownBy(() -> service.history(carolChat, Long.MAX_VALUE, 10).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ChatException.class)
                    .hasMessageContaining("no chat");

            alice.close();
            try (ProfileStore store = ProfileStore.open(profile, Optional.empty())) {
                assertThat(store.chats()).as("chats kept on disk").containsOnlyKeys(bobChat);
                assertThat(store.messageCount(carolChat)).as("Carol's messages on disk").isZero();
                assertThat(store.messageCount(bobChat)).as("Bob's messages on disk").isEqualTo(1);
            }

            AppDriver again = AppDriver.launch("Alice", profile, robot, new Point(0, 0));
            again.awaitStarted();
            AppDriver.awaitEqual("after the restart: the new name, and no Carol", () -> listed(again),
                    Set.of("Bob from work"));
            again.selectChat("Bob from work");
            AppDriver.await("the header after the restart", () -> header(again).equals("Bob from work"));
            again.awaitBubble("hi from Bob");
            assertThat(again.window.service().orElseThrow().chats().get(10, TimeUnit.SECONDS))
                    .extracting(Chat::id).containsExactly(bobChat);
        }
    }

    /** The showing option pane (a JOptionPane dialog) with this title. */
    private static JOptionPaneFixture optionPane(Robot robot, String title) {
        return WindowFinder.findDialog(new GenericTypeMatcher<JDialog>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog dialog) {
                return title.equals(dialog.getTitle()) && dialog.isShowing();
            }
        }).withTimeout(10, TimeUnit.SECONDS).using(robot).optionPane();
    }

    /** The names in the chat list's rows. */
    private static Set<String> listed(AppDriver app) {
        return GuiActionRunner.execute(() -> {
            var model = app.window.chatList.rows().getModel();
            return IntStream.range(0, model.getSize()).mapToObj(i -> model.getElementAt(i).chat().name())
                    .collect(Collectors.toSet());
        });
    }

    private static String header(AppDriver app) {
        return app.frame.label("conversation.title").text();
    }

    private static String name(ChatService service, ChatId chat) throws Exception {
        return service.chat(chat).get(10, TimeUnit.SECONDS).name();
    }

    private static List<String> history(ChatService service, ChatId chat) throws Exception {
        return service.history(chat, Long.MAX_VALUE, 10).get(10, TimeUnit.SECONDS).stream()
                .map(parley.chat.Message::text).toList();
    }
}
