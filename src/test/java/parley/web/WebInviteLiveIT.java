package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.StrictJoiner;

/**
 * The browser's New invite shows its link only once the invite is live (its inbox subscribed at the broker), in
 * real Chromium: a strict peer whose single join goes out the moment the link appears, and is never re-sent, is
 * answered.
 */
@ExtendWith(BrokerStackExtension.class)
class WebInviteLiveIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aJoinSentOnceTheMomentTheLinkAppearsIsAnswered(BrokerStack stack) throws Exception {
        try (StrictJoiner strict = StrictJoiner.connect(stack);
             Browser browser = Browser.start(stack, 1280, 860)) {
            browser.open(stack.httpsUri().toString());
            browser.find("#new-invite").click();
            String link = browser.until(WAIT, d -> {
                String v = browser.find("#pane .invite-link").getAttribute("value");
                return v == null || v.isEmpty() ? null : v;
            });
            strict.joinOnce(link, "Strict");
            strict.awaitWelcome(WAIT);
            browser.until(WAIT, d -> browser.findAll("#pane .chat-name").size() == 1
                    && "Strict".equals(browser.find("#pane .chat-name").getText()));
        }
    }
}
