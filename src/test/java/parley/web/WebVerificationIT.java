package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.ChatService;
import parley.chat.Delivery;
import parley.chat.PendingInvite;
import parley.cli.ParleyCommand;
import parley.cli.ProfileOpener;
import parley.crypto.SafetyCode;
import parley.invite.qr.QrDecoder;
import parley.invite.qr.QrScan;
import parley.protocol.DropReason;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * Issue 8 in the browser, in real headless Chromium against the desktop core on the real stack: the safety code
 * (the same from the desktop core, the CLI and the browser; verification by typed digits; the mismatch warning) and
 * rekeys in the middle of a two-way exchange of 1,000 messages, one started by each side.
 */
@ExtendWith(BrokerStackExtension.class)
class WebVerificationIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void desktopCliAndBrowserShowTheSameSafetyCodeAndTheBrowserVerifiesIt(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Top");
             Browser browser = Browser.start(stack, 1100, 1000)) {
            ChatId chat = join(desktop, browser);

            SafetyCode desktopCode = desktop.service.safetyCode(chat).get();
            assertThat(cliSafety(desktop.service, chat)).as("parley safety CHAT prints the desktop core's code")
                    .isEqualTo(desktopCode.grouped());

            browser.find("#pane .chat-info").click();
            browser.until(WAIT, d -> browser.findAll("#pane .safety-digits").size() == 1);
            assertThat(browser.find("#pane .safety-digits").getText()).as("the browser shows the same code")
                    .isEqualTo(desktopCode.grouped());
            String src = browser.find("#pane .safety-qr").getAttribute("src");
            var image = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
            assertThat(QrDecoder.decode(image)).as("the safety QR code")
                    .isEqualTo(new QrScan.Found(List.of(desktopCode.qrText())));
            assertThat(browser.find("#pane .key-info").getText()).startsWith("Key epoch 0, in use since ");
            assertThat(browser.find("#pane .verified-badge").isDisplayed()).isFalse();

            // a wrong code (one digit off): the warning, and the chat stays unverified
            String wrong = desktopCode.digits().substring(0, 19)
                    + (char) ('0' + (desktopCode.digits().charAt(19) - '0' + 1) % 10);
            typeSafety(browser, wrong);
            browser.until(WAIT, d -> browser.find("#pane .safety-warning").isDisplayed());
            assertThat(browser.find("#pane .safety-warning").getText()).contains("The safety codes differ")
                    .contains("in the middle").contains("start a new invite");
            assertThat(browser.find("#pane .verified-badge").isDisplayed()).isFalse();
            assertThat(browser.findAll("#chat-list .verified-badge")).isEmpty();
            browser.screenshot("safety-1-mismatch");

            // the desktop's digits as its user reads them out, with spaces
            typeSafety(browser, desktopCode.grouped());
            browser.until(WAIT, d -> browser.find("#pane .safety-ok").isDisplayed());
            assertThat(browser.find("#pane .safety-warning").isDisplayed()).isFalse();
            assertThat(browser.find("#pane .verified-badge").isDisplayed()).isTrue();
            browser.until(WAIT, d -> browser.findAll("#chat-list .verified-badge").size() == 1);
            browser.screenshot("safety-2-verified");
            browser.find("#pane .back-to-chat").click();
            browser.until(WAIT, d -> browser.find("#pane .chat-header .verified-badge").isDisplayed());

            // and the other way round: the desktop verifies the digits the browser shows
            desktop.service.verify(chat, desktopCode.digits()).get();
            assertThat(desktop.service.chat(chat).get().verified()).isTrue();
        }
    }

    @Test
    void rekeysInTheMiddleOfAThousandMessagesLoseNothingAndShowNothingTwice(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Top");
             Browser browser = Browser.start(stack, 1100, 900)) {
            ChatId chat = join(desktop, browser);
            // 250 each way per round, so 1,000 messages in all; the desktop starts the first rekey, the browser
            // (its "Refresh keys" button) the second, each while messages are in flight both ways
            exchange(desktop, browser, chat, 1, () -> desktop.service.rekey(chat).get());
            exchange(desktop, browser, chat, 2, () -> browser.find("#pane .refresh-keys").click());

            assertThat(desktop.service.drops(chat).get().keySet()).as("nothing the desktop dropped was forged or stale")
                    .doesNotContain(DropReason.BAD_MAC, DropReason.STALE_EPOCH, DropReason.MALFORMED);
            // re-sends the broker's websocket pacing overtook are dropped as duplicates (and acked); nothing else
            String browserDrops = browser.find("#pane .chat-status").getAttribute("title");
            assertThat(browserDrops.isEmpty() ? List.of() : List.of(browserDrops.replaceFirst("^dropped: ", "")
                    .split(", "))).as("what the browser dropped").allMatch(d -> d.toString().startsWith("duplicate "));
            browser.screenshot("rekey-after-1000-messages");
        }
    }

    interface Step {
        void run() throws Exception;
    }

    /** 250 messages each way with a rekey in the middle, until all are shown once and acked, both on `epoch`. */
    private static void exchange(Desktop desktop, Browser browser, ChatId chat, int epoch, Step rekey)
            throws Exception {
        List<String> fromDesktop = IntStream.range(0, 250).mapToObj(i -> "d" + epoch + "-" + i).toList();
        List<String> fromBrowser = IntStream.range(0, 250).mapToObj(i -> "b" + epoch + "-" + i).toList();
        browserSends(browser, fromBrowser.subList(0, 125));
        for (String t : fromDesktop.subList(0, 125)) desktop.service.send(chat, t).get();
        rekey.run();
        browserSends(browser, fromBrowser.subList(125, 250));
        for (String t : fromDesktop.subList(125, 250)) desktop.service.send(chat, t).get();

        awaitShownOnce(browser, desktop, chat, epoch, fromDesktop, fromBrowser);
        browser.until(WAIT, d -> browser.findAll("#pane .message.out[data-status=delivered]").size() == 250 * epoch);
        long end = System.nanoTime() + WAIT.toNanos();
        while (delivered(desktop, chat) < 250L * epoch && System.nanoTime() < end) Thread.sleep(50);
        assertThat(delivered(desktop, chat)).as("the browser acked every desktop message").isEqualTo(250L * epoch);
        browser.until(WAIT, d -> String.valueOf(epoch).equals(
                browser.find("#pane .chat-header").getAttribute("data-epoch")));
        end = System.nanoTime() + WAIT.toNanos();
        while (desktop.service.chat(chat).get().epoch() != epoch && System.nanoTime() < end) Thread.sleep(50);
        assertThat(desktop.service.chat(chat).get().epoch()).as("the desktop is on the new epoch").isEqualTo(epoch);
        assertThat(desktop.service.chat(chat).get().rekeying()).isFalse();
        assertThat(browser.find("#pane .chat-header").getAttribute("data-rekeying")).isEqualTo("false");
    }

    private static void awaitShownOnce(Browser browser, Desktop desktop, ChatId chat, int epoch,
                                       List<String> fromDesktop, List<String> fromBrowser) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end && (incoming(browser).size() < 250 * epoch
                || desktop.received(chat).size() < 250 * epoch)) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // a copy shown twice would come now
        List<String> browserShows = incoming(browser);
        List<String> desktopShows = desktop.received(chat);
        assertThat(browserShows).as("the browser shows every desktop message once").hasSize(250 * epoch)
                .doesNotHaveDuplicates().containsAll(fromDesktop);
        assertThat(desktopShows).as("the desktop shows every browser message once").hasSize(250 * epoch)
                .doesNotHaveDuplicates().containsAll(fromBrowser);
    }

    private static long delivered(Desktop desktop, ChatId chat) {
        Set<String> ids = new HashSet<>();
        for (ChatEvent e : desktop.events) {
            if (e instanceof ChatEvent.DeliveryChanged d && d.chat().equals(chat) && d.delivery() == Delivery.DELIVERED) {
                ids.add(d.message().value());
            }
        }
        return ids.size();
    }

    /** Submits each text through the composer, as fast as a script can: the sends queue in order. */
    private static void browserSends(Browser browser, List<String> texts) {
        browser.script("const input = document.querySelector('#pane .message-input');"
                + "const form = document.querySelector('#pane .composer');"
                + "for (const t of arguments[0]) { input.value = t; form.requestSubmit(); }", new ArrayList<>(texts));
    }

    /** The desktop invites, the browser opens the link and joins; both end up on the chat. */
    private static ChatId join(Desktop desktop, Browser browser) throws Exception {
        PendingInvite invite = desktop.service.createInvite(Optional.empty()).get();
        browser.open(invite.link());
        browser.find("#pane .join-button").click();
        browser.until(WAIT, d -> browser.findAll("#pane .send").size() == 1 && browser.find("#pane .send").isEnabled()
                && "online".equals(browser.find("#pane .chat-status").getAttribute("data-status")));
        desktop.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
        return invite.chat();
    }

    private static void typeSafety(Browser browser, String text) {
        browser.script("const i = document.querySelector('#pane .safety-input'); i.value = arguments[0];"
                + "i.dispatchEvent(new Event('input', {bubbles: true}));", text);
        browser.find("#pane .verify-button").click();
    }

    @SuppressWarnings("unchecked")
    private static List<String> incoming(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#pane .message.in .text')]"
                + ".map(e => e.textContent);");
    }

    /** {@code parley safety CHAT}, in-process, on the desktop's running chat service. */
    private static String cliSafety(ChatService service, ChatId chat) {
        ProfileOpener opener = request -> new ProfileOpener.OpenProfile() {
            @Override
            public ChatService chats() {
                return service;
            }

            @Override
            public void changePassphrase(Optional<char[]> passphrase) {
                throw new UnsupportedOperationException("not used by parley safety");
            }

            @Override
            public void close() {
                // the desktop owns the service; the test closes it
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCommand.run(opener, new PrintWriter(out, true), new PrintWriter(err, true),
                "safety", chat.value());
        assertThat(code).as("parley safety: %s", err).isZero();
        return out.toString().strip();
    }
}
