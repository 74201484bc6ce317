package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.PendingInvite;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * The browser client as a person sees it, in real Chromium served by the stack's nginx, with the desktop core on the
 * same Mosquitto as the friend: a phone (390 x 844) joins under a name the inviter sees, with a one-row top bar, the
 * chat's actions in a menu and the conversation taking the screen; a desktop-sized window (1280 x 900) has no back
 * button, shows each chat's last message and time, makes only http(s) links clickable, draws emoji with the bundled
 * font (the machine has no emoji font), and scrolls the safety view at the pane's edge. Screenshots go to
 * {@code target/screenshots/}.
 */
@ExtendWith(BrokerStackExtension.class)
class WebLayoutIT {
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Test
    void aPhoneJoinsUnderANameTheInviterSeesAndTheLinkIsNotShown(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Top");
             Browser browser = Browser.start(stack, 390, 844)) {
            PendingInvite invite = desktop.service.createInvite(Optional.empty()).get();
            browser.open(invite.link());
            browser.viewport(390, 844);
            assertThat(browser.find("#pane .join-from").getText()).isEqualTo("Invite from Desk Top");
            String secret = invite.link().substring(invite.link().indexOf('#'));
            assertThat(browser.find("#pane .join-link").isDisplayed()).as("the raw link is not shown").isFalse();
            assertThat(visibleText(browser)).as("nothing on the join page shows the link's secret")
                    .doesNotContain(secret).doesNotContain("parley=1");
            WebElement name = browser.find("#pane .join-name");
            assertThat(name.isDisplayed()).as("the join asks for a name").isTrue();
            assertThat(inViewport(browser, name)).as("the name field is on the phone's screen").isTrue();
            browser.script("const i = document.querySelector('#pane .join-name'); i.value = arguments[0];"
                    + "i.dispatchEvent(new Event('input', {bubbles: true}));", "Sam 🦊");
            browser.screenshot("phone-1-join-with-name");

            browser.find("#pane .join-button").click();
            WebClientIT.awaitActive(browser);
            desktop.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
            assertThat(desktop.service.chat(invite.chat()).get().name()).as("the inviter sees the joiner's name")
                    .isEqualTo("Sam 🦊");
            assertThat(browser.script("return localStorage.getItem('parley.displayName')"))
                    .as("the name is kept as the user's name").isEqualTo("Sam 🦊");
        }
    }

    @Test
    void aNameThePeerWouldRefuseIsNotSentAndSaysWhy(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Top");
             Browser browser = Browser.start(stack, 390, 844)) {
            PendingInvite invite = desktop.service.createInvite(Optional.empty()).get();
            browser.open(invite.link());
            browser.script("document.querySelector('#pane .join-name').value = arguments[0];", "Eve\u202Etxt.exe");
            browser.find("#pane .join-button").click();
            assertThat(browser.find("#pane .join-view .error").getText())
                    .isEqualTo("Your name contains control characters: change it, or leave it empty.");
            assertThat(browser.findAll("#chat-list li")).as("nothing was joined").isEmpty();
            browser.screenshot("phone-1b-join-bad-name");
        }
    }

    @Test
    void onAPhoneTheTopBarIsOneRowAndTheChatActionsAreInAMenu(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Top");
             Browser browser = Browser.start(stack, 390, 844)) {
            var chat = join(desktop, browser, 390, 844);
            assertOneRow(browser);
            desktop.service.send(chat, "hello phone").get();
            WebClientIT.awaitIncoming(browser, List.of("hello phone"));
            assertOneRow(browser);
            assertThat(browser.find("#back").isDisplayed()).as("the phone has a way back to the list").isTrue();
            assertThat(browser.find("#pane .forget").isDisplayed()).as("Forget sits in the menu, not on screen")
                    .isFalse();
            double share = height(browser, "#pane .messages") / 844.0;
            assertThat(share).as("the conversation's share of the phone's height").isGreaterThan(0.7);
            browser.screenshot("phone-2-conversation");

            browser.find("#pane .chat-menu-button").click();
            for (String action : List.of(".chat-info", ".refresh-keys", ".rename", ".forget")) {
                WebElement button = browser.find("#pane .chat-actions " + action);
                assertThat(button.isDisplayed()).as(action + " in the open menu").isTrue();
                assertThat(inViewport(browser, button)).as(action + " on screen").isTrue();
            }
            assertThat(browser.find("#pane .chat-menu-button").getAttribute("aria-expanded")).isEqualTo("true");
            browser.screenshot("phone-3-chat-menu");
            browser.find("#pane .chat-menu-button").sendKeys(Keys.ESCAPE);
            browser.until(WAIT, d -> !browser.find("#pane .forget").isDisplayed());

            browser.find("#pane .chat-menu-button").click();
            browser.find("#pane .chat-info").click();
            browser.until(WAIT, d -> browser.findAll("#pane .safety-digits").size() == 1);
            assertOneRow(browser);
            browser.screenshot("phone-4-safety");
        }
    }

    @Test
    void onlyHttpAndHttpsLinksInMessagesAreClickable(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Top");
             Browser browser = Browser.start(stack, 1280, 900)) {
            var chat = join(desktop, browser, 1280, 900);
            String linked = "read https://example.org/a?b=1, then javascript:alert(1) or "
                    + "data:text/html,<b>x</b> or JavaScript://%0aalert(2) (see http://example.net/p).";
            desktop.service.send(chat, linked).get();
            WebClientIT.awaitIncoming(browser, List.of(linked));

            List<WebElement> anchors = browser.findAll("#pane .message.in a");
            assertThat(anchors).extracting(WebElement::getText).as("only the http(s) URLs are links")
                    .containsExactly("https://example.org/a?b=1", "http://example.net/p");
            assertThat(anchors).extracting(a -> a.getAttribute("href"))
                    .containsExactly("https://example.org/a?b=1", "http://example.net/p");
            assertThat(anchors).allSatisfy(a -> {
                assertThat(a.getAttribute("rel")).isEqualTo("noopener noreferrer");
                assertThat(a.getAttribute("target")).isEqualTo("_blank");
            });
            assertThat(browser.findAll("#pane .message.in b")).as("text is never markup").isEmpty();
            assertThat(WebClientIT.incoming(browser).getFirst()).as("the rest stays text, as written")
                    .isEqualTo(linked);
            browser.screenshot("wide-1-links");
        }
    }

    @Test
    void emojiAreDrawnWithTheBundledFont(BrokerStack stack) throws Exception {
        assertThat(fontsOfTheSystem("1f98a")).as("this test needs a machine without an emoji font (CI installs"
                + " only fonts-dejavu-core); these fonts have emoji").isEmpty();
        try (Desktop desktop = Desktop.start(stack, "Desk Top");
             Browser browser = Browser.start(stack, 390, 844)) {
            var chat = join(desktop, browser, 390, 844);
            desktop.service.send(chat, "party 🦊🎉👋🏽").get();
            desktop.service.send(chat, "🔔").get();
            WebClientIT.awaitIncoming(browser, List.of("party 🦊🎉👋🏽", "🔔"));
            assertThat(fonts(browser, "#pane .message.in:first-child .text")).as("text and emoji in one message")
                    .containsKey("Noto Emoji");
            assertThat(fonts(browser, "#pane .message.in:last-child .text"))
                    .as("an emoji alone in a message is drawn with the bundled Noto Emoji").containsOnlyKeys("Noto Emoji");
            browser.screenshot("phone-5-emoji");
        }
    }

    @Test
    void aWideWindowHasNoBackButtonAndItsListShowsTheLastMessageAndItsTime(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Top");
             Browser browser = Browser.start(stack, 1280, 900)) {
            var chat = join(desktop, browser, 1280, 900);
            assertThat(browser.find("#back").isDisplayed()).as("both panes are in view: no back button").isFalse();
            assertThat(browser.find("#pane .forget").isDisplayed()).as("a wide window shows the actions").isTrue();
            assertThat(browser.find("#pane .chat-menu-button").isDisplayed()).isFalse();

            desktop.service.send(chat, "first").get();
            desktop.service.send(chat, "the last one").get();
            WebClientIT.awaitIncoming(browser, List.of("first", "the last one"));
            browser.until(WAIT, d -> "the last one".equals(browser.find("#chat-list li .preview").getText()));
            String lastTime = browser.find("#pane .message.in:last-child .meta").getText();
            assertThat(browser.find("#chat-list li .time").getText()).as("and its time").isEqualTo(lastTime);
            browser.typeAndSend("my answer");
            WebClientIT.awaitOutgoing(browser, 1);
            browser.until(WAIT, d -> "You: my answer".equals(browser.find("#chat-list li .preview").getText()));
            browser.screenshot("wide-2-list-preview");

            browser.reload();
            browser.until(WAIT, d -> "You: my answer".equals(browser.find("#chat-list li .preview").getText()));
            assertThat(browser.find("#back").isDisplayed()).isFalse();
        }
    }

    @Test
    void theSafetyViewScrollsAtThePanesEdge(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Top");
             Browser browser = Browser.start(stack, 1280, 900)) {
            join(desktop, browser, 1280, 900);
            browser.find("#pane .chat-info").click();
            browser.until(WAIT, d -> browser.findAll("#pane .safety-digits").size() == 1);
            browser.viewport(1280, 640); // a short window, where the view scrolls
            Map<?, ?> box = (Map<?, ?>) browser.script("""
                    const pane = document.getElementById('pane').getBoundingClientRect();
                    const view = document.querySelector('#pane .info-view');
                    const r = view.getBoundingClientRect();
                    return {paneLeft: pane.left, paneRight: pane.right, left: r.left, right: r.right,
                      scrolls: view.scrollHeight > view.clientHeight && getComputedStyle(view).overflowY === 'auto'};""");
            assertThat(box.get("scrolls")).as("the view is taller than the window, so it scrolls").isEqualTo(true);
            assertThat(((Number) box.get("right")).doubleValue()).as("its scrollbar is at the pane's right edge")
                    .isEqualTo(((Number) box.get("paneRight")).doubleValue());
            assertThat(((Number) box.get("left")).doubleValue())
                    .isEqualTo(((Number) box.get("paneLeft")).doubleValue());
            double digitsWidth = ((Number) browser.script("return document.querySelector('#pane .safety-digits')"
                    + ".getBoundingClientRect().width")).doubleValue();
            assertThat(digitsWidth).as("its text stays in a readable column").isLessThanOrEqualTo(36 * 16);
            browser.screenshot("wide-3-safety");
        }
    }

    /** The desktop invites, the browser (its viewport {@code width} x {@code height}) joins; both are on the chat. */
    private static ChatId join(Desktop desktop, Browser browser, int width, int height) throws Exception {
        PendingInvite invite = desktop.service.createInvite(Optional.empty()).get();
        browser.open(invite.link());
        browser.viewport(width, height);
        browser.find("#pane .join-button").click();
        WebClientIT.awaitActive(browser);
        desktop.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
        return invite.chat();
    }

    /** The system's fonts (fontconfig) that have a glyph for the code point {@code hex}. */
    private static String fontsOfTheSystem(String hex) throws Exception {
        Process fc = new ProcessBuilder("fc-list", ":charset=" + hex, "family").redirectErrorStream(true).start();
        String out = new String(fc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(fc.waitFor()).as("fc-list: " + out).isZero();
        return out;
    }

    /** Every visible item of the top bar is on one row, and the bar is no taller than one row of buttons. */
    private static void assertOneRow(Browser browser) {
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> boxes = (List<Map<String, Number>>) browser.script("""
                return [...document.querySelectorAll('.topbar > *, .topbar nav > *')]
                  .filter(e => e.tagName !== 'NAV' && e.getClientRects().length > 0)
                  .map(e => { const r = e.getBoundingClientRect();
                    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; });""");
        double width = ((Number) browser.script("return innerWidth")).doubleValue();
        double bar = height(browser, ".topbar");
        assertThat(boxes).isNotEmpty();
        double firstTop = boxes.getFirst().get("top").doubleValue();
        double firstBottom = boxes.getFirst().get("bottom").doubleValue();
        for (Map<String, Number> box : boxes) {
            assertThat(box.get("top").doubleValue()).as("the top bar is one row").isLessThan(firstBottom);
            assertThat(box.get("bottom").doubleValue()).isGreaterThan(firstTop);
            assertThat(box.get("left").doubleValue()).as("the top bar fits the width").isGreaterThanOrEqualTo(0);
            assertThat(box.get("right").doubleValue()).as("the top bar fits the width").isLessThanOrEqualTo(width);
        }
        assertThat(bar).as("the top bar's height").isLessThan(64);
    }

    private static double height(Browser browser, String css) {
        return ((Number) browser.script("return document.querySelector(arguments[0]).getBoundingClientRect().height",
                css)).doubleValue();
    }

    private static boolean inViewport(Browser browser, WebElement e) {
        return (Boolean) browser.script("const r = arguments[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;", e);
    }

    private static String visibleText(Browser browser) {
        return (String) browser.script("return document.body.innerText"
                + " + [...document.querySelectorAll('input, textarea')].filter(e => e.getClientRects().length > 0)"
                + ".map(e => e.value).join(' ')");
    }

    /** The fonts Chromium drew the node's text with (family to glyph count), from DevTools. */
    private static Map<String, Long> fonts(Browser browser, String css) {
        var driver = browser.driver;
        driver.executeCdpCommand("DOM.enable", Map.of());
        driver.executeCdpCommand("CSS.enable", Map.of());
        Map<String, Object> doc = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
        Object root = ((Map<?, ?>) doc.get("root")).get("nodeId");
        Object node = driver.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root, "selector", css))
                .get("nodeId");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fonts = (List<Map<String, Object>>) driver.executeCdpCommand(
                "CSS.getPlatformFontsForNode", Map.of("nodeId", node)).get("fonts");
        return fonts.stream().collect(java.util.stream.Collectors.toMap(f -> (String) f.get("familyName"),
                f -> ((Number) f.get("glyphCount")).longValue(), Long::sum));
    }
}
