package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JList;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.ui.chatlist.ChatEntry;
import parley.ui.chatlist.ChatListRenderer;
import parley.ui.conversation.ChatInfoDialog;

/**
 * Verification and rekeying in two desktop apps against the real broker stack: both show the same safety code,
 * a wrong code typed is a warning and marks nothing, Alice verifies by scanning Bob's safety QR code off the
 * (virtual) screen and sees the verified mark in her chat list and header, Bob by typing Alice's digits, and
 * "Refresh keys" (by its shortcut) moves both sides to key epoch 1 in their chat info.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class VerifyChatIT {
    private static final String GROUPED = "[0-9]{4}( [0-9]{4}){4}";

    @Test
    void compareScanWarnVerifyAndRefreshKeys(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        AppDriver bob = AppDriver.firstRun("Bob", dir.resolve("bob"), robot, new Point(960, 0), stack);
        String link = alice.newInvite().textBox("invite.link").text();
        DialogFixture join = bob.openJoin();
        join.textBox("join.link").setText(link);
        join.button("join.link.go").click();
        AppDriver.confirmOwnBrokerJoin(join, "Alice");
        bob.awaitOpenActiveChat();
        alice.awaitOpenActiveChat();
        assertThat(alice.openChat().verified()).isFalse();

        DialogFixture aliceInfo = alice.openVerify();
        DialogFixture bobInfo = bob.openVerify();
        String aliceCode = awaitCode(aliceInfo);
        String bobCode = awaitCode(bobInfo);
        assertThat(aliceCode).as("both sides show the same safety code").isEqualTo(bobCode);
        assertThat(info(aliceInfo).warningText()).isEmpty();

        // a wrong code: the warning, and nothing verified
        activate(aliceInfo, robot);
        aliceInfo.textBox("verify.code").setText(oneDigitOff(bobCode));
        aliceInfo.button("verify.code.go").click();
        AppDriver.await("Alice's mismatch warning", () -> !info(aliceInfo).warningText().isEmpty());
        assertThat(info(aliceInfo).warningText()).startsWith("The safety codes differ")
                .contains("someone may be in the middle").contains("new invite");
        assertThat(info(aliceInfo).resultText()).isEqualTo("Typed: the safety codes do not match");
        assertThat(alice.openChat().verified()).isFalse();
        assertThat(listBadgeShown(alice)).isFalse();
        assertThat(headerBadgeShown(alice)).isFalse();
        saveScreenshot(aliceInfo, "verify-mismatch.png");

        // Alice scans Bob's safety QR code off the screen, where Bob's dialog shows it
        activate(bobInfo, robot);
        activate(aliceInfo, robot);
        aliceInfo.button("verify.scan").click();
        AppDriver.await("Alice's chat verified", () -> alice.openChat().verified());
        AppDriver.await("Alice's verified marks", () -> listBadgeShown(alice) && headerBadgeShown(alice));
        AppDriver.await("Alice's dialog says so", () -> info(aliceInfo).resultText().equals(
                "Screen: the codes match. This chat is verified."));
        assertThat(info(aliceInfo).warningText()).as("the old warning is gone").isEmpty();
        assertThat(bob.openChat().verified()).as("verifying is each side's own act").isFalse();
        saveScreenshot(aliceInfo, "verify-dialog.png");

        // Bob types Alice's digits, as read out on a call
        activate(bobInfo, robot);
        bobInfo.textBox("verify.code").setText(aliceCode);
        bobInfo.button("verify.code.go").click();
        AppDriver.await("Bob's chat verified", () -> bob.openChat().verified() && headerBadgeShown(bob));
        assertThat(bob.frame.label("conversation.state").text()).as("the header says \"Verified\" once, with the badge")
                .doesNotContainIgnoringCase("verified");

        // Refresh keys, from the keyboard in Alice's conversation
        assertThat(alice.openChat().epoch()).isZero();
        assertThat(alice.frame.menuItem("menu.REFRESH_KEYS").target().getAccessibleContext().getAccessibleName())
                .isEqualTo("Refresh keys");
        alice.activate();
        alice.frame.textBox("composer.input").pressKey(KeyEvent.VK_CONTROL).pressKey(KeyEvent.VK_SHIFT)
                .pressAndReleaseKeys(KeyEvent.VK_R).releaseKey(KeyEvent.VK_SHIFT).releaseKey(KeyEvent.VK_CONTROL);
        AppDriver.await("both sides on key epoch 1", () -> alice.openChat().epoch() == 1 && bob.openChat().epoch() == 1);
        AppDriver.await("Alice's info shows epoch 1", () -> info(aliceInfo).keyText().startsWith("Key epoch 1, since "));
        AppDriver.await("Bob's info shows epoch 1", () -> info(bobInfo).keyText().startsWith("Key epoch 1, since "));
        assertThat(info(aliceInfo).keyText()).doesNotContain("refreshing");
        assertThat(alice.openChat().verified()).as("a new key keeps the verification").isTrue();

        bob.send("after the refresh");
        alice.awaitBubble("after the refresh");
    }

    /** Gives the dialog the focus, as a click on it would with a window manager. */
    private static void activate(DialogFixture dialog, Robot robot) {
        GuiActionRunner.execute(() -> {
            dialog.target().toFront();
            dialog.target().requestFocus();
        });
        robot.waitForIdle();
    }

    private static ChatInfoDialog info(DialogFixture dialog) {
        return (ChatInfoDialog) dialog.target();
    }

    private static String awaitCode(DialogFixture dialog) {
        AppDriver.await("a safety code shown", () -> GuiActionRunner.execute(() -> info(dialog).codeText()).matches(GROUPED));
        return GuiActionRunner.execute(() -> info(dialog).codeText());
    }

    private static String oneDigitOff(String code) {
        char first = code.charAt(0);
        return (char) ('0' + (first - '0' + 1) % 10) + code.substring(1);
    }

    /** Whether the chat list row of the open chat, as drawn, shows the verified mark. */
    private static boolean listBadgeShown(AppDriver app) {
        return GuiActionRunner.execute(() -> {
            JList<ChatEntry> rows = app.window.chatList.rows();
            int index = rows.getSelectedIndex();
            ChatListRenderer renderer = (ChatListRenderer) rows.getCellRenderer();
            var row = renderer.getListCellRendererComponent(rows, rows.getModel().getElementAt(index), index, true, false);
            return renderer.verified.isVisible() && row.getAccessibleContext().getAccessibleName().contains("verified");
        });
    }

    private static boolean headerBadgeShown(AppDriver app) {
        return GuiActionRunner.execute(() -> app.window.conversation.verified.isShowing());
    }

    private static void saveScreenshot(DialogFixture dialog, String file) throws Exception {
        Path shots = SwingExtension.screenshots();
        Files.createDirectories(shots);
        Rectangle bounds = GuiActionRunner.execute(() -> dialog.target().getBounds());
        BufferedImage shot = new java.awt.Robot().createScreenCapture(bounds);
        ImageIO.write(shot, "png", shots.resolve(file).toFile());
    }
}
