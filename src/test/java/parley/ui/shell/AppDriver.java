package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.swing.JDialog;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import parley.app.DesktopLauncher;
import parley.chat.Chat;
import parley.chat.Delivery;
import parley.testing.BrokerStack;
import parley.ui.conversation.MessageBubble;
import parley.ui.invite.JoinConfirmation;
import parley.ui.invite.JoinDialog;

/** One running desktop app in a GUI test, driven through the real window with AssertJ Swing's robot. */
public final class AppDriver implements AutoCloseable {
    static final Timeout WAIT = Timeout.timeout(30, TimeUnit.SECONDS);
    /** Apps still open: {@link SwingExtension} closes them after the test (after a failure's screenshot). */
    static final List<AppDriver> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    final String name;
    final Path profile;
    final DesktopApp app;
    final MainWindow window;
    final FrameFixture frame;
    private final Robot robot;

    private AppDriver(String name, Path profile, DesktopApp app, MainWindow window, Robot robot, Point at) {
        this.name = name;
        this.profile = profile;
        this.app = app;
        this.window = window;
        this.robot = robot;
        GuiActionRunner.execute(() -> {
            window.setSize(940, 720);
            window.setLocation(at);
        });
        this.frame = new FrameFixture(robot, window);
        OPEN.add(this);
    }

    /** Launches the app on {@code profile}, with its window at {@code at}; does not answer the first run. */
    static AppDriver launch(String name, Path profile, Robot robot, Point at) throws Exception {
        return launch(name, profile, robot, at, new DesktopApp.Options(false, false));
    }

    /** Launches with {@code options} (say, a chat to open, as {@code parley gui --chat} does). */
    static AppDriver launch(String name, Path profile, Robot robot, Point at, DesktopApp.Options options) throws Exception {
        DesktopApp app = DesktopApp.launch(DesktopLauncher.profileAt(profile), options);
        MainWindow window = app.window().get(20, TimeUnit.SECONDS);
        return new AppDriver(name, profile, app, window, robot, at);
    }

    /** Launches and answers the first run with the test stack's broker. */
    static AppDriver firstRun(String name, Path profile, Robot robot, Point at, BrokerStack stack) throws Exception {
        return firstRun(name, profile, robot, at, stack, Optional.empty());
    }

    /** Launches and answers the first run with the test stack's broker and {@code login} for it. */
    static AppDriver firstRun(String name, Path profile, Robot robot, Point at, BrokerStack stack,
                              Optional<parley.testing.TestBroker.Credentials> login) throws Exception {
        AppDriver d = launch(name, profile, robot, at);
        d.answerFirstRun(stack, login);
        return d;
    }

    /** Answers the first-run dialog with this driver's name and the test stack's broker; waits for the chats. */
    void answerFirstRun(BrokerStack stack) throws Exception {
        answerFirstRun(stack, Optional.empty());
    }

    /** As {@link #answerFirstRun(BrokerStack)}, with {@code login} for the broker. */
    void answerFirstRun(BrokerStack stack, Optional<parley.testing.TestBroker.Credentials> login) throws Exception {
        // on screen with the focus first: a click before the X server has mapped the dialog lands elsewhere
        DialogFixture first = onScreen(WindowFinder.findDialog("dialog.firstrun").withTimeout(20, TimeUnit.SECONDS)
                .using(robot));
        first.textBox("firstrun.name").setText(name);
        first.textBox("firstrun.server").setText(stack.mqttsUri().toString());
        first.toggleButton("firstrun.advanced").click(); // the CA file, web address and login are folded away
        await("Advanced open", () -> GuiActionRunner.execute(() -> find(first.target(), "firstrun.web")
                .map(java.awt.Component::isShowing).orElse(false)));
        first.textBox("firstrun.web").setText(stack.httpsUri().toString()); // browsers' wss follows from it
        first.textBox("firstrun.ca").setText(stack.caFile().toString());
        login.ifPresent(l -> {
            first.textBox("firstrun.username").setText(l.username());
            first.textBox("firstrun.password").setText(l.password());
        });
        first.button("firstrun.ok").click();
        awaitStarted();
    }

    void awaitStarted() throws Exception {
        app.started().get(30, TimeUnit.SECONDS);
    }

    /** Clicks New invite and returns the dialog once it is live: showing the QR code and the link. */
    DialogFixture newInvite() {
        DialogFixture dialog = newInviteShown();
        await("the invite is live", () -> inviteLive(dialog));
        return dialog;
    }

    /** Clicks New invite and returns the dialog at once, live or not. */
    DialogFixture newInviteShown() {
        frame.button("toolbar.NEW_INVITE").click();
        return WindowFinder.findDialog("dialog.invite").withTimeout(20, TimeUnit.SECONDS).using(robot);
    }

    /** Whether the invite dialog shows its link (only once the invite inbox exists at the broker). */
    static boolean inviteLive(DialogFixture dialog) {
        return GuiActionRunner.execute(() -> find(dialog.target(), "invite.link").map(c -> c.isShowing()
                && !((javax.swing.text.JTextComponent) c).getText().isEmpty()).orElse(false));
    }

    private static java.util.Optional<java.awt.Component> find(java.awt.Container root, String name) {
        for (java.awt.Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return java.util.Optional.of(c);
            }
            if (c instanceof java.awt.Container inner) {
                java.util.Optional<java.awt.Component> found = find(inner, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Clicks Verify and returns this app's chat-info dialog (the other app may have one open too). */
    DialogFixture openVerify() {
        frame.button("toolbar.VERIFY_CHAT").click();
        return onScreen(WindowFinder.findDialog(new GenericTypeMatcher<JDialog>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog dialog) {
                return "dialog.chatinfo".equals(dialog.getName()) && dialog.getOwner() == window && dialog.isShowing();
            }
        }).withTimeout(20, TimeUnit.SECONDS).using(robot));
    }

    /** The open chat as this app's main window last heard of it. */
    Chat openChat() {
        return GuiActionRunner.execute(() -> window.conversation.current().flatMap(window.chatList::chat).orElseThrow());
    }

    DialogFixture openJoin() {
        frame.button("toolbar.JOIN").click();
        return onScreen(WindowFinder.findDialog("dialog.join").withTimeout(20, TimeUnit.SECONDS).using(robot));
    }

    /**
     * Waits for the join dialog's confirmation of an invite on the user's own broker from {@code inviter}, checks
     * it says so without a warning, and presses Join.
     */
    static void confirmOwnBrokerJoin(DialogFixture join, String inviter) {
        JoinConfirmation confirmation = awaitConfirmation(join);
        assertThat(GuiActionRunner.execute(confirmation::fromText)).isEqualTo("From: " + inviter);
        assertThat(GuiActionRunner.execute(confirmation::brokerText)).endsWith("(your broker)");
        assertThat(GuiActionRunner.execute(confirmation::warningText)).as("no warning for the own broker").isEmpty();
        join.button("join.confirm.ok").click();
    }

    /** Waits until the join dialog shows its confirmation step (an invite was found) and returns it. */
    static JoinConfirmation awaitConfirmation(DialogFixture join) {
        JoinConfirmation confirmation = GuiActionRunner.execute(() -> ((JoinDialog) join.target()).confirmation());
        await("the join dialog asks to confirm an invite", () -> GuiActionRunner.execute(confirmation::isShowing));
        return confirmation;
    }

    /**
     * Waits until {@code dialog} has the keyboard focus. Swing calls a dialog showing before the X server has mapped
     * it, and a click in between (on a loaded machine) lands on the window below; the focus comes only once it is
     * mapped.
     */
    static DialogFixture onScreen(DialogFixture dialog) {
        await("dialog " + dialog.target().getName() + " on screen with the focus",
                () -> GuiActionRunner.execute(() -> dialog.target().isFocused()));
        return dialog;
    }

    List<Chat> chats() {
        return GuiActionRunner.execute(() -> window.chatList.chats());
    }

    /** Waits until a chat is active (both sides hold the key) and open in the conversation panel. */
    Chat awaitOpenActiveChat() {
        await("an active chat open in " + name, () -> GuiActionRunner.execute(() -> window.conversation.current()
                .flatMap(window.chatList::chat).filter(c -> c.phase() == parley.chat.ChatPhase.ACTIVE).isPresent()));
        return GuiActionRunner.execute(() -> window.conversation.current().flatMap(window.chatList::chat).orElseThrow());
    }

    void selectChat(String chatName) {
        int index = GuiActionRunner.execute(() -> {
            var rows = window.chatList.rows();
            for (int i = 0; i < rows.getModel().getSize(); i++) {
                if (rows.getModel().getElementAt(i).chat().name().equals(chatName)) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(index).as(name + " has a chat called " + chatName).isGreaterThanOrEqualTo(0);
        frame.list("chats.list").clickItem(index);
    }

    /** Types {@code text} (keyboard where it can, else set) and presses Enter. */
    void send(String text) {
        activate();
        var input = frame.textBox("composer.input");
        if (text.chars().allMatch(c -> c >= 32 && c < 127)) {
            input.enterText(text);
        } else {
            input.setText(text);
        }
        input.pressAndReleaseKeys(KeyEvent.VK_ENTER);
    }

    /** Brings this app's window to the front with the focus, as a click on it would with a window manager. */
    void activate() {
        GuiActionRunner.execute(() -> {
            window.toFront();
            window.requestFocus();
        });
        robot.waitForIdle();
    }

    /** Waits until the event queue is empty: what a finished event (a new bubble, say) scheduled has run. */
    void robotIdle() {
        robot.waitForIdle();
    }

    /** The texts of the open conversation's bubbles, oldest first. */
    List<String> bubbleTexts() {
        return GuiActionRunner.execute(() -> window.conversation.column().bubbles().stream().map(MessageBubble::text).toList());
    }

    Optional<Delivery> deliveryOf(String text) {
        return GuiActionRunner.execute(() -> window.conversation.column().bubbles().stream()
                .filter(b -> b.text().equals(text)).findFirst().map(MessageBubble::delivery));
    }

    void awaitBubble(String text) {
        await(name + " shows \"" + text + "\"", () -> bubbleTexts().contains(text));
    }

    /** What an option pane says: the text of its message's labels, a line each (the app's messages are plain labels). */
    static String messageText(org.assertj.swing.fixture.JOptionPaneFixture pane) {
        return GuiActionRunner.execute(() -> {
            Object message = pane.target().getMessage();
            if (!(message instanceof java.awt.Container container)) {
                return String.valueOf(message);
            }
            List<String> lines = new java.util.ArrayList<>();
            collectLabels(container, lines);
            return String.join("\n", lines);
        });
    }

    private static void collectLabels(java.awt.Container container, List<String> lines) {
        if (container instanceof javax.swing.JLabel label) {
            lines.add(label.getText());
        }
        for (java.awt.Component child : container.getComponents()) {
            if (child instanceof java.awt.Container c) {
                collectLabels(c, lines);
            }
        }
    }

    public static void await(String what, Supplier<Boolean> condition) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return condition.get();
            }
        }, WAIT);
    }

    /** Waits until {@code actual} gives {@code expected}; on time-out fails with the last value seen. */
    static <T> void awaitEqual(String what, Supplier<T> actual, T expected) {
        try {
            await(what, () -> expected.equals(actual.get()));
        } catch (org.assertj.swing.exception.WaitTimedOutError e) {
            assertThat(actual.get()).as(what + " (waited " + WAIT.duration() + " ms)").isEqualTo(expected);
        }
    }

    @Override
    public void close() throws Exception {
        OPEN.remove(this);
        app.closeAndWaitIfOpen();
    }
}
