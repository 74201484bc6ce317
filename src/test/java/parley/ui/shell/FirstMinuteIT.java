package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.Chat;
import parley.chat.Delivery;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.web.Browser;

/**
 * A new user's first minute, end to end and with nothing from the README: the first run asks for a name and the
 * server, New invite shows a live code and link, a friend on a phone (Chromium at 390 x 844) opens the link, gives
 * a name and joins, and the first messages go both ways with their ticks. Each step is a screenshot,
 * {@code target/screenshots/first-minute-*.png}; the README's desktop screenshot is the last of them.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class FirstMinuteIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void firstRunThenAnInviteAFriendOnAPhoneJoinsAndTheFirstMessagesGoBothWays(Robot robot, BrokerStack stack,
            @TempDir java.nio.file.Path dir) throws Exception {
        AppDriver alice = AppDriver.launch("Alice", dir.resolve("alice"), robot, new Point(0, 0));
        DialogFixture first = AppDriver.onScreen(WindowFinder.findDialog("dialog.firstrun")
                .withTimeout(20, TimeUnit.SECONDS).using(robot));
        assertThat(GuiActionRunner.execute(() -> first.target().getTitle())).isNotBlank();
        first.textBox("firstrun.name").setText("Alice");
        first.textBox("firstrun.server").setText(stack.mqttsUri().toString());
        DesktopChatIT.saveScreenshot(first.target(), "first-minute-1-first-run.png");
        // the dev stack's certificate comes from its own CA (a deployed server's is from a public one): Advanced
        alice.answerFirstRun(stack);
        AppDriver.awaitEqual("the window title names the user", () -> GuiActionRunner.execute(alice.window::getTitle),
                "Parley — Alice");

        DialogFixture invite = alice.newInvite();
        DesktopChatIT.saveScreenshot(invite.target(), "first-minute-2-invite.png");
        String link = invite.textBox("invite.link").text();
        assertThat(link).startsWith(stack.httpsUri() + "#parley=1&");

        try (Browser phone = Browser.start(stack, 390, 844)) {
            phone.open(link);
            phone.until(WAIT, d -> phone.find("#pane .join-name").isDisplayed());
            phone.script("const i = document.querySelector('#pane .join-name'); i.value = arguments[0];"
                    + "i.dispatchEvent(new Event('input', {bubbles: true}));", "Bob");
            phone.screenshot("first-minute-3-phone-join");
            phone.find("#pane .join-button").click();
            phone.awaitChatActive(WAIT);

            Chat chat = alice.awaitOpenActiveChat(); // the join opens the chat by itself, named as the friend said
            assertThat(chat.name()).isEqualTo("Bob");
            AppDriver.await("the invite dialog gone once the friend joined",
                    () -> !GuiActionRunner.execute(() -> invite.target().isShowing()));

            phone.typeAndSend("Hi Alice, it's Bob on my phone 👋");
            alice.awaitBubble("Hi Alice, it's Bob on my phone 👋");
            alice.send("Welcome, Bob! This chat is end-to-end encrypted.");
            phone.until(WAIT, d -> phone.findAll("#pane li.message.in").stream()
                    .anyMatch(m -> m.getText().contains("Welcome, Bob! This chat is end-to-end encrypted.")));
            AppDriver.await("Alice's message delivered to the phone", () -> alice
                    .deliveryOf("Welcome, Bob! This chat is end-to-end encrypted.").equals(
                            java.util.Optional.of(Delivery.DELIVERED)));
            phone.screenshot("first-minute-4-phone-chat");
            alice.robotIdle();
            DesktopChatIT.saveScreenshot(alice, "first-minute-5-desktop.png");
        }
    }
}
