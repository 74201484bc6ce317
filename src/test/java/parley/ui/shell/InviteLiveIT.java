package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.swing.core.Robot;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.StrictJoiner;
import parley.ui.invite.InviteDialog;

/**
 * The desktop invite dialog shows the code and the link only once the invite is live (its inbox subscribed at the
 * broker): a strict peer's single join, sent the moment the link appears, is answered; with the broker down the
 * dialog says the invite is not live yet, and goes live when the broker is back.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class InviteLiveIT {

    @Test
    void aJoinSentOnceTheMomentTheLinkAppearsIsAnswered(Robot robot, BrokerStack stack, @TempDir Path dir)
            throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        try (StrictJoiner strict = StrictJoiner.connect(stack)) {
            DialogFixture invite = alice.newInviteShown();
            AppDriver.await("the link appears", () -> AppDriver.inviteLive(invite));
            strict.joinOnce(invite.textBox("invite.link").text(), "Strict");
            strict.awaitWelcome(Duration.ofSeconds(20));
            alice.awaitOpenActiveChat();
            invite.requireNotVisible();
        }
    }

    @Test
    void withTheBrokerDownTheInviteSaysItIsNotLiveYetThenGoesLive(Robot robot, BrokerStack stack, @TempDir Path dir)
            throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        stack.stopBroker();
        boolean down = true;
        try {
            DialogFixture invite = alice.newInviteShown();
            AppDriver.await("the invite says the server cannot be reached", () -> invite.label("invite.waiting")
                    .text().startsWith("Not live yet: can't reach the server"));
            assertThat(AppDriver.inviteLive(invite)).as("no code and no link while not live").isFalse();
            invite.label("invite.notlive").requireVisible();

            stack.startBroker();
            down = false;
            AppDriver.await("the invite goes live", () -> AppDriver.inviteLive(invite));
            invite.label("invite.waiting").requireText(InviteDialog.WAITING);
            assertThat(invite.textBox("invite.link").text()).startsWith("https://").contains("parley=1");
        } finally {
            if (down) {
                stack.startBroker(); // the other tests of the run share this stack
            }
        }
    }
}
