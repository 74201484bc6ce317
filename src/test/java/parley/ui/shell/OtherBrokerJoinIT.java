package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.Chat;
import parley.chat.ChatEvent;
import parley.chat.ChatPhase;
import parley.chat.Party;
import parley.chat.PendingInvite;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.RecordingFront;
import parley.testing.SystemRoots;
import parley.testing.TestBroker;
import parley.ui.chatlist.ChatListRenderer;
import parley.ui.conversation.ChatInfoDialog;
import parley.ui.invite.JoinConfirmation;

/**
 * The desktop user joins a friend whose invite names another broker (a real one: its own name, port and
 * certificate, recording every CONNECT): the confirmation says so before anything is sent, the chat is marked in
 * the list and its details, and neither the join nor the connection after a restart carries the user's login.
 * The confirmation is saved as {@code target/screenshots/join-other-broker.png}.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class OtherBrokerJoinIT {
    private static final TestBroker.Credentials CAROL = new TestBroker.Credentials("carol-login", "carol-secret");
    private static final TestBroker.Credentials BOB = new TestBroker.Credentials("bob-login", "bob-secret-51c2");

    @Test
    void theJoinIsConfirmedWithAWarningAndNoLoginGoesToTheOtherBroker(Robot robot, BrokerStack stack,
                                                                      @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("front"));
        try (RecordingFront other = RecordingFront.start(stack, dir.resolve("front"), RecordingFront.Issuer.OWN_CA,
                Optional.of(CAROL));
             SystemRoots roots = SystemRoots.plus(other.caFile(), dir);
             Party carol = Party.start("Carol", dir.resolve("carol"), other, Optional.of(other.mqttsUri()),
                     Optional.empty(), parley.chat.ChatTimings.standard())) {
            AppDriver bob = AppDriver.firstRun("Bob", dir.resolve("bob"), robot, new Point(0, 0), stack,
                    Optional.of(BOB));
            PendingInvite invite = carol.service.createInvite(Optional.empty()).get(30, TimeUnit.SECONDS);
            int anonymousBefore = anonymousConnects(other);

            DialogFixture join = bob.openJoin();
            join.textBox("join.link").setText(invite.link());
            join.button("join.link.go").click();
            JoinConfirmation confirmation = AppDriver.awaitConfirmation(join);
            String address = RecordingFront.HOST + ":" + other.port();
            assertThat(GuiActionRunner.execute(confirmation::fromText)).isEqualTo("From: Carol");
            assertThat(GuiActionRunner.execute(confirmation::brokerText))
                    .isEqualTo("Broker: " + address + " (another broker: your login is not sent to it)");
            assertThat(GuiActionRunner.execute(confirmation::warningText))
                    .contains("another broker than yours: " + address)
                    .contains("will not send your broker login to it");
            saveScreenshot(join, "join-other-broker.png");
            assertThat(anonymousConnects(other)).as("nothing is sent before the user's OK").isEqualTo(anonymousBefore);

            join.button("join.confirm.ok").click();
            AppDriver.await("Bob's chat with Carol is active", () -> bob.chats().stream()
                    .anyMatch(c -> c.name().equals("Carol") && c.phase() == ChatPhase.ACTIVE));
            AppDriver.await("Carol's side is ready", () -> carol.events.stream()
                    .anyMatch(e -> e instanceof ChatEvent.ChatReady));
            bob.awaitOpenActiveChat();

            // marked in the list and in the details
            Chat chat = bob.chats().getFirst();
            assertThat(chat.broker().own()).isFalse();
            assertThat(chat.broker().address()).isEqualTo(address);
            assertThat(listMark(bob)).isEqualTo("other broker");
            DialogFixture info = bob.openVerify();
            assertThat(GuiActionRunner.execute(() -> ((ChatInfoDialog) info.target()).brokerText()))
                    .isEqualTo("Broker: " + address + " (another broker: your login is not sent to it)");
            info.button("chatinfo.close").click();

            assertThat(anonymousConnects(other)).as("Bob's join connected without a login").isGreaterThan(anonymousBefore);
            assertNoLoginOfBob(other);
            assertThat(other.connects()).as("the front does record logins: Carol's own broker gets hers")
                    .anyMatch(c -> c.username().equals(Optional.of(CAROL.username())));

            // and after a restart of the app
            int beforeRestart = anonymousConnects(other);
            bob.close();
            AppDriver again = AppDriver.launch("Bob", dir.resolve("bob"), robot, new Point(0, 0));
            again.awaitStarted();
            AppDriver.await("Bob's chat online again after the restart", () -> again.chats().stream()
                    .anyMatch(c -> c.connection().status() == Chat.Connection.Status.ONLINE));
            assertThat(anonymousConnects(other)).as("the restart connected again, without a login")
                    .isGreaterThan(beforeRestart);
            assertNoLoginOfBob(other);
            assertThat(listMark(again)).isEqualTo("other broker");
        }
    }

    /** CONNECTs without any login: Bob's (Carol's all carry hers). */
    private static int anonymousConnects(RecordingFront front) {
        return (int) front.connects().stream().filter(c -> !c.carriesLogin()).count();
    }

    private static void assertNoLoginOfBob(RecordingFront front) {
        assertThat(front.connects()).as("no CONNECT to the other broker carries Bob's username or password")
                .noneMatch(c -> c.username().equals(Optional.of(BOB.username()))
                        || c.password().equals(Optional.of(BOB.password())));
        assertThat(front.connects()).as("every login the other broker saw is Carol's")
                .filteredOn(RecordingFront.Connect::carriesLogin)
                .allMatch(c -> c.username().equals(Optional.of(CAROL.username())));
    }

    /** The chat list row's mark, as its renderer draws it ("" when hidden). */
    private static String listMark(AppDriver app) {
        return GuiActionRunner.execute(() -> {
            var rows = app.window.chatList.rows();
            ChatListRenderer renderer = (ChatListRenderer) rows.getCellRenderer();
            renderer.getListCellRendererComponent(rows, rows.getModel().getElementAt(0), 0, false, false);
            return renderer.otherBroker.isVisible() ? renderer.otherBroker.getText() : "";
        });
    }

    private static void saveScreenshot(DialogFixture dialog, String file) throws Exception {
        Path dir = SwingExtension.screenshots();
        Files.createDirectories(dir);
        Rectangle bounds = GuiActionRunner.execute(() -> dialog.target().getBounds());
        BufferedImage shot = new java.awt.Robot().createScreenCapture(bounds);
        ImageIO.write(shot, "png", dir.resolve(file).toFile());
    }
}
