package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.Point;
import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.ChatException;
import parley.chat.ChatPhase;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.StrictJoiner;
import parley.ui.invite.JoinDialog;

/**
 * Pasting one's own invite, or one already answered, is refused in the join dialog with a sentence, before the
 * confirmation, and no chat stuck on "waiting for the welcome" is made; the friend who already used an invite is
 * refused by the chat service. The invite dialog shows the start of its link and the expiry in words.
 * Screenshot: {@code target/screenshots/join-own-invite.png}.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class UsedInviteIT {

    @Test
    void ownAndAnsweredInvitesAreRefusedWithASentence(Robot robot, BrokerStack stack, @TempDir Path dir)
            throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        DialogFixture invite = alice.newInvite();
        var field = (javax.swing.JTextField) invite.textBox("invite.link").target();
        assertThat(GuiActionRunner.execute(field::getScrollOffset)).as("the link field shows the start of the link")
                .isZero();
        assertThat(invite.label("invite.expiry").text()).matches("Valid until tomorrow \\d\\d:\\d\\d");
        String own = invite.textBox("invite.link").text();
        GuiActionRunner.execute(() -> invite.target().setLocation(1000, 0)); // off the toolbar

        DialogFixture join = alice.openJoin();
        join.textBox("join.link").setText(own);
        join.button("join.link.go").click();
        awaitResult(join, "This is your own invite. Send it to your friend: they open it in their Parley.");
        assertThat(GuiActionRunner.execute(() -> alice.chats().size())).as("no chat was added").isEqualTo(1);
        assertThat(GuiActionRunner.execute(() -> ((JoinDialog) join.target()).confirmation().isShowing()))
                .as("refused before the confirmation").isFalse();
        Path shots = SwingExtension.screenshots();
        Files.createDirectories(shots);
        Rectangle bounds = GuiActionRunner.execute(() -> join.target().getBounds());
        ImageIO.write(new java.awt.Robot().createScreenCapture(bounds), "png",
                shots.resolve("join-own-invite.png").toFile());
        GuiActionRunner.execute(() -> join.target().dispose());

        try (CorePeer bob = CorePeer.start("Bob", dir.resolve("bob"), stack)) {
            bob.service.join(own).get(30, TimeUnit.SECONDS);
            AppDriver.await("Alice's chat with Bob is active", () -> alice.chats().stream()
                    .anyMatch(c -> c.name().equals("Bob") && c.phase() == ChatPhase.ACTIVE));
            Throwable again = catchThrowable(() -> bob.service.join(own).get(30, TimeUnit.SECONDS));
            assertThat(again).hasCauseInstanceOf(ChatException.class).cause()
                    .hasMessage("You already used this invite: the chat is \"Alice\". Ask your friend for a new "
                            + "invite to start another chat.");

            DialogFixture answered = alice.openJoin();
            answered.textBox("join.link").setText(own);
            answered.button("join.link.go").click();
            awaitResult(answered, "This is your own invite, and your friend already answered it: the chat is \"Bob\".");
            assertThat(alice.chats()).hasSize(1);
        }
    }

    /** A friend who joined without a name: the chat says "New friend", not "Invite Wn6V", and the user names it. */
    @Test
    void aFriendWithoutANameIsNamedByTheInviter(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        try (StrictJoiner nameless = StrictJoiner.connect(stack)) {
            DialogFixture invite = alice.newInvite();
            nameless.joinOnce(invite.textBox("invite.link").text(), Optional.empty());
            nameless.awaitWelcome(Duration.ofSeconds(30));
            AppDriver.await("the invite dialog asks for the friend's name", () -> GuiActionRunner.execute(() ->
                    robot.finder().findByName(invite.target(), "invite.friendname", false).isShowing()));
            assertThat(alice.chats()).singleElement().extracting(parley.chat.Chat::name).isEqualTo("New friend");
            Path shots = SwingExtension.screenshots();
            Files.createDirectories(shots);
            ImageIO.write(new java.awt.Robot().createScreenCapture(GuiActionRunner.execute(() ->
                    invite.target().getBounds())), "png", shots.resolve("invite-name-your-friend.png").toFile());
            invite.textBox("invite.friendname").setText("Dana");
            invite.button("invite.friendname.ok").click();
            AppDriver.await("the chat is called Dana", () -> alice.chats().stream()
                    .anyMatch(c -> c.name().equals("Dana")));
            AppDriver.await("the dialog closed", () -> !GuiActionRunner.execute(() -> invite.target().isShowing()));
        }
    }

    private static void awaitResult(DialogFixture join, String start) {
        AppDriver.await("the join dialog says \"" + start + "\"", () -> GuiActionRunner.execute(
                () -> ((JoinDialog) join.target()).resultText()).startsWith(start));
    }
}
