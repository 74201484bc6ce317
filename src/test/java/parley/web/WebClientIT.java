package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.Delivery;
import parley.chat.PendingInvite;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.invite.Invite;
import parley.invite.InviteLink;
import parley.protocol.Msg;
import parley.protocol.PayloadCodec;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.Rogue;

/**
 * The browser client in real headless Chromium, served by the stack's nginx, against the desktop core on the same
 * Mosquitto: both invite directions, messages both ways (emoji, 10 KB), ticks, a reload, and a rogue's payloads.
 * Screenshots of each flow go to {@code target/screenshots/}.
 */
@ExtendWith(BrokerStackExtension.class)
class WebClientIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEN_KB = "0123456789abcdef – ünïcode ✓ ".repeat(345).substring(0, 10_000);

    @Test
    void desktopInvitesAndTheBrowserOpensTheLink(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Top");
             Browser browser = Browser.start(stack, 412, 915)) {
            PendingInvite invite = desktop.service.createInvite(java.util.Optional.empty()).get();
            assertThat(invite.link()).as("the desktop's link opens the web client")
                    .startsWith(stack.httpsUri() + "#parley=1&");

            browser.open(invite.link());
            assertThat(browser.driver.getCurrentUrl()).as("the secret fragment leaves the address bar at once")
                    .doesNotContain("#");
            assertThat(browser.find("#pane .join-from").getText()).isEqualTo("Invite from Desk Top");
            browser.screenshot("desktop-invites-1-join");
            browser.find("#pane .join-button").click();
            awaitActive(browser);
            desktop.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
            assertThat(browser.find("#pane .chat-name").getText()).isEqualTo("Desk Top");

            desktop.service.send(invite.chat(), "Hello from the desktop 👋🏽").get();
            desktop.service.send(invite.chat(), TEN_KB).get();
            awaitIncoming(browser, List.of("Hello from the desktop 👋🏽", TEN_KB));

            browser.typeAndSend("Hi from the browser 🦊 <b>not bold</b>");
            awaitOutgoing(browser, 1);
            browser.typeAndSend(TEN_KB + "!");
            awaitOutgoing(browser, 2);
            desktop.awaitReceived(invite.chat(), "Hi from the browser 🦊 <b>not bold</b>", WAIT);
            desktop.awaitReceived(invite.chat(), TEN_KB + "!", WAIT);
            awaitOutgoingDelivered(browser, 2);
            awaitDesktopDelivered(desktop, 2);
            assertThat(browser.findAll("#pane .message.in b")).as("text is never markup").isEmpty();
            browser.screenshot("desktop-invites-2-chat");

            // the chat survives a reload: keys, history and ticks come from IndexedDB
            browser.reload();
            openOnlyChat(browser);
            awaitIncoming(browser, List.of("Hello from the desktop 👋🏽", TEN_KB));
            awaitOutgoingDelivered(browser, 2);
            awaitOnline(browser);
            desktop.service.send(invite.chat(), "after the reload").get();
            awaitIncoming(browser, List.of("Hello from the desktop 👋🏽", TEN_KB, "after the reload"));
            browser.screenshot("desktop-invites-3-after-reload");

            // a rogue who saw the QR (so knows the invite key) and anyone else write into the browser's inbox
            InboxId inbox = browserInbox(browser);
            Invite parsed = InviteLink.parse(invite.link(), Clock.systemUTC());
            try (Rogue rogue = Rogue.connect(stack, "rogue-" + System.nanoTime())) {
                String topic = "/chats/" + inbox.value() + "/messages";
                rogue.publish(topic, "not even json".getBytes(StandardCharsets.UTF_8), false);
                rogue.publish(topic, ("{\"v\":1,\"ct\":\"U2FsdGVkX19nYXJiYWdlZ2FyYmFnZWdhcmJhZ2U=\",\"mac\":\""
                        + "0".repeat(64) + "\"}").getBytes(StandardCharsets.UTF_8), false);
                rogue.publish(topic, PayloadCodec.seal(new Msg(MessageId.random(), inbox, 99,
                        Instant.now().toEpochMilli(), "FORGED under the invite key"), parsed.key()), false);
            }
            desktop.service.send(invite.chat(), "marker after the rogue").get();
            awaitIncoming(browser, List.of("Hello from the desktop 👋🏽", TEN_KB, "after the reload",
                    "marker after the rogue"));
            browser.until(WAIT, d -> Integer.parseInt(browser.find("#pane .chat-status").getAttribute("data-drops")) >= 3);
            assertThat(incoming(browser)).noneMatch(t -> t.contains("FORGED"));
            assertThat(browser.find("#pane .chat-status").getText()).contains("3 dropped");
            browser.screenshot("desktop-invites-4-after-rogue");
        }
    }

    @Test
    void theBrowserInvitesAndTheDesktopJoinsWithTheLink(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Two");
             Browser browser = Browser.start(stack, 1280, 860)) {
            browser.open(stack.httpsUri().toString());
            browser.script("document.getElementById('display-name').value = arguments[0];"
                    + "document.getElementById('display-name').dispatchEvent(new Event('change'));", "Brow Ser 🌐");
            browser.find("#new-invite").click();
            String link = browser.until(WAIT, d -> {
                String v = browser.find("#pane .invite-link").getAttribute("value");
                return v == null || v.isEmpty() ? null : v;
            });
            // the wss URL is the one the web client's own origin implies, so the short link leaves it out
            // (docs/protocol.md section 4) and a reader puts it back
            assertThat(link).startsWith(stack.httpsUri() + "#parley=1&")
                    .doesNotContain("&b=").contains("&m=" + stack.mqttsUri()).contains("&n=Brow+Ser+");
            assertThat(parley.invite.InviteLink.parse(link, java.time.Clock.systemUTC()).wss())
                    .contains(stack.wssUri());
            WebElement qr = browser.find("#pane .qr");
            String src = qr.getAttribute("src");
            assertThat(src).startsWith("data:image/gif;base64,");
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
            assertThat(parley.invite.qr.QrDecoder.decode(image)).as("the QR code holds the link")
                    .isEqualTo(new parley.invite.qr.QrScan.Found(List.of(link)));
            browser.screenshot("browser-invites-1-qr");

            ChatId chat = desktop.service.join(link).get();
            desktop.await(ChatEvent.ChatReady.class, e -> e.chat().equals(chat), WAIT);
            awaitActive(browser);
            assertThat(browser.find("#pane .chat-name").getText()).isEqualTo("Desk Two");
            assertThat(desktop.service.chat(chat).get().name()).isEqualTo("Brow Ser 🌐");

            browser.typeAndSend("Grüße vom Browser 👋🏽");
            desktop.awaitReceived(chat, "Grüße vom Browser 👋🏽", WAIT);
            desktop.service.send(chat, "and back 🎉").get();
            desktop.service.send(chat, TEN_KB).get();
            awaitIncoming(browser, List.of("and back 🎉", TEN_KB));
            awaitOutgoingDelivered(browser, 1);
            awaitDesktopDelivered(desktop, 2);
            browser.screenshot("browser-invites-2-chat");

            browser.reload();
            openOnlyChat(browser);
            awaitIncoming(browser, List.of("and back 🎉", TEN_KB));
            awaitOnline(browser);
            browser.typeAndSend("still here after a reload");
            desktop.awaitReceived(chat, "still here after a reload", WAIT);
            assertThat(desktop.service.drops(chat).get()).as("the desktop dropped nothing the browser sent").isEmpty();
        }
    }

    static void awaitActive(Browser browser) {
        browser.awaitChatActive(WAIT);
    }

    private static void awaitOnline(Browser browser) {
        browser.until(WAIT, d -> "online".equals(browser.find("#pane .chat-status").getAttribute("data-status")));
    }

    private static void openOnlyChat(Browser browser) {
        assertThat(browser.findAll("#chat-list li")).as("the chat list after a reload").hasSize(1);
        // the list re-renders as the chat's connection state changes: retry a click that hit a replaced node
        browser.until(WAIT, d -> {
            try {
                browser.find("#chat-list li button").click();
                return browser.findAll("#pane .messages").size() == 1;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
    }

    @SuppressWarnings("unchecked")
    static List<String> incoming(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#pane .message.in .text')]"
                + ".map(e => e.textContent);");
    }

    static void awaitIncoming(Browser browser, List<String> expected) {
        try {
            browser.until(WAIT, d -> incoming(browser).equals(expected));
        } catch (RuntimeException e) {
            throw new AssertionError("the browser shows " + incoming(browser).size() + " incoming messages, expected "
                    + expected.size(), e);
        }
    }

    /** Waits until the browser shows {@code count} outgoing messages (the composer took them), else says why not. */
    static void awaitOutgoing(Browser browser, int count) {
        try {
            browser.until(WAIT, d -> browser.findAll("#pane .message.out").size() == count);
        } catch (RuntimeException e) {
            throw new AssertionError("the browser shows " + browser.findAll("#pane .message.out").size()
                    + " outgoing messages; composer error: '" + browser.find("#pane .composer-error").getText()
                    + "'; console: " + browser.console(), e);
        }
    }

    static void awaitOutgoingDelivered(Browser browser, int count) {
        browser.until(WAIT, d -> browser.findAll("#pane .message.out[data-status=delivered]").size() == count);
        assertThat(browser.findAll("#pane .message.out .tick.delivered")).hasSize(count)
                .allMatch(t -> t.getText().equals("✓✓"));
    }

    static void awaitDesktopDelivered(Desktop desktop, int count) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            long delivered = desktop.events.stream()
                    .filter(e -> e instanceof ChatEvent.DeliveryChanged d && d.delivery() == Delivery.DELIVERED).count();
            if (delivered >= count) return;
            Thread.sleep(20);
        }
        throw new AssertionError("the browser did not ack the desktop's messages");
    }

    /** The browser's own inbox of its only chat, read from its IndexedDB as a curious user could. */
    @SuppressWarnings("unchecked")
    private static InboxId browserInbox(Browser browser) {
        Object result = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const req = indexedDB.open('parley');
                req.onsuccess = () => {
                  const all = req.result.transaction('chats').objectStore('chats').getAll();
                  all.onsuccess = () => done(all.result.map(c => ({inbox: c.ownInbox, phase: c.phase})));
                };
                req.onerror = () => done(null);
                """);
        List<Map<String, Object>> chats = (List<Map<String, Object>>) result;
        assertThat(chats).hasSize(1);
        assertThat(chats.getFirst().get("phase")).isEqualTo("active");
        return InboxId.of((String) chats.getFirst().get("inbox"));
    }

    static By css(String selector) {
        return By.cssSelector(selector);
    }
}
