package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.core.Robot;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.ChatPhase;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.ui.invite.JoinDialog;

/**
 * A {@code parley:} link opened in a browser starts the app with the link ({@code parley LINK}, the desktop entry's
 * {@code Exec=parley %u}): the join dialog opens with it filled in, nothing is joined until the user presses Join,
 * and then it is joined as a pasted link is.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class JoinLinkIT {

    @Test
    void anInviteLinkTheAppWasStartedWithIsJoinedOnceTheUserPressesJoin(Robot robot, BrokerStack stack,
            @TempDir Path dir) throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        // Alice's app names the web client (https://...#parley=1&...); the same invite as an app link
        String shown = alice.newInvite().textBox("invite.link").text();
        String link = "parley:" + shown.substring(shown.indexOf('#'));
        assertThat(link).startsWith("parley:#parley=1&");

        AppDriver bob = AppDriver.launch("Bob", dir.resolve("bob"), robot, new Point(960, 0),
                new DesktopApp.Options(false, false, Optional.empty(), Optional.empty(), Optional.of(link)));
        // a first start: the broker questions come first, the link waits for the chats to run
        bob.answerFirstRun(stack);

        DialogFixture join = AppDriver.onScreen(
                WindowFinder.findDialog("dialog.join").withTimeout(20, TimeUnit.SECONDS).using(robot));
        join.textBox("join.link").requireText(link);
        assertThat(((JoinDialog) join.target()).resultText()).contains("press Join");
        assertThat(bob.chats()).as("nothing joined before the user presses Join").isEmpty();

        join.button("join.link.go").click();
        assertThat(bob.chats()).as("nothing joined before the user confirms the invite").isEmpty();
        AppDriver.confirmOwnBrokerJoin(join, "Alice");
        AppDriver.await("Bob's chat from the opened link is active",
                () -> bob.chats().size() == 1 && bob.chats().getFirst().phase() == ChatPhase.ACTIVE);
        alice.awaitOpenActiveChat();
        bob.send("joined from a parley: link");
        alice.awaitBubble("joined from a parley: link");
    }
}
