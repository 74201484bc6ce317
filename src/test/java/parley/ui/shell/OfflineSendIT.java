package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.nio.file.Path;
import java.util.Optional;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.Delivery;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * The broker goes away mid-chat: the status line says the app is reconnecting, messages written meanwhile stay in
 * the conversation marked as waiting and the status line counts them; when the broker is back they go out on their
 * own, reach the friend and get their ticks.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class OfflineSendIT {

    @Test
    void messagesWrittenWhileTheBrokerIsDownQueueVisiblyAndGoOutWhenItIsBack(Robot robot, BrokerStack stack,
            @TempDir Path dir) throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        AppDriver bob = AppDriver.firstRun("Bob", dir.resolve("bob"), robot, new Point(960, 0), stack);
        DialogFixture invite = alice.newInvite();
        String link = invite.textBox("invite.link").text();
        DialogFixture join = bob.openJoin();
        join.textBox("join.link").setText(link);
        join.button("join.link.go").click();
        AppDriver.confirmOwnBrokerJoin(join, "Alice");
        bob.awaitOpenActiveChat();
        alice.awaitOpenActiveChat();
        AppDriver.await("Alice online", () -> connectionLine(alice).startsWith("Online"));

        stack.stopBroker();
        AppDriver.await("Alice's status line says she is reconnecting",
                () -> connectionLine(alice).startsWith("Reconnecting"));

        alice.send("written while offline 1");
        alice.send("written while offline 2");
        AppDriver.await("both messages shown, waiting to be sent", () -> alice.deliveryOf("written while offline 1")
                .equals(Optional.of(Delivery.QUEUED)) && alice.deliveryOf("written while offline 2")
                .equals(Optional.of(Delivery.QUEUED)));
        AppDriver.await("the status line counts them", () -> noticeLine(alice).startsWith("2 messages wait to be sent in Bob"));
        assertThat(bob.bubbleTexts()).doesNotContain("written while offline 1");

        stack.startBroker();
        bob.awaitBubble("written while offline 1");
        bob.awaitBubble("written while offline 2");
        assertThat(bob.bubbleTexts()).containsSubsequence("written while offline 1", "written while offline 2");
        AppDriver.await("Bob's acknowledgements reach Alice", () -> alice.deliveryOf("written while offline 2")
                .equals(Optional.of(Delivery.DELIVERED)) && alice.deliveryOf("written while offline 1")
                .equals(Optional.of(Delivery.DELIVERED)));
        AppDriver.await("the waiting notice is gone", () -> !noticeLine(alice).contains("to be sent in"));
        AppDriver.await("Alice online again", () -> connectionLine(alice).startsWith("Online"));
    }

    private static String connectionLine(AppDriver app) {
        return GuiActionRunner.execute(() -> app.window.status.connectionText());
    }

    private static String noticeLine(AppDriver app) {
        return GuiActionRunner.execute(() -> app.window.status.noticeText());
    }
}
