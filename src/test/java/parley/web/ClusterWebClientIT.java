package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.Delivery;
import parley.chat.PendingInvite;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.RabbitCluster;
import parley.testing.RabbitClusterExtension;
import parley.testing.TestBroker;

/**
 * The browser client in real headless Chromium against the desktop core on the 3-node RabbitMQ cluster, which needs
 * the MQTT user's username and password: the page is served by the stack's nginx, whose {@code /parley.json} names
 * the cluster's Web MQTT address (through the load balancer) and its login, as a cluster deployment serves it. Both
 * invite directions, messages both ways, ✓✓ on both sides.
 */
@ExtendWith({BrokerStackExtension.class, RabbitClusterExtension.class})
class ClusterWebClientIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static BrokerStack web;
    private static RabbitCluster cluster;

    @BeforeAll
    static void deployTheWebClientForTheCluster(BrokerStack stack, RabbitCluster rabbit) throws Exception {
        web = stack;
        cluster = rabbit;
        publish(rabbit.credentials().orElseThrow().password());
    }

    /** Writes the web client's /parley.json as a cluster deployment does: the cluster's addresses and login. */
    private static void publish(String password) throws Exception {
        TestBroker.Credentials login = cluster.credentials().orElseThrow();
        JsonObject config = new JsonObject();
        config.addProperty("wss", cluster.wssUri().toString());
        config.addProperty("mqtts", cluster.mqttsUri().toString());
        config.addProperty("username", login.username());
        config.addProperty("password", password);
        Files.writeString(web.stateDir().resolve("web/parley.json"), config.toString(), StandardCharsets.UTF_8);
    }

    private static Browser browser(int width, int height) {
        Path clusterCert = cluster.stateDir().resolve("node-1/server.pem");
        assertThat(clusterCert).as("the cluster's server certificate").isRegularFile();
        return Browser.start(web, width, height, List.of(clusterCert), List.of());
    }

    @Test
    void desktopOnTheClusterInvitesAndTheBrowserJoins() throws Exception {
        try (Desktop desktop = Desktop.start(cluster, web.httpsUri(), "Cluster Desk");
             Browser browser = browser(412, 915)) {
            PendingInvite invite = desktop.service.createInvite(Optional.empty()).get();
            assertThat(invite.link()).as("the link opens the web client and names the cluster's Web MQTT")
                    .startsWith(web.httpsUri() + "#parley=1&").contains("&b=" + cluster.wssUri());

            browser.open(invite.link());
            assertThat(browser.find("#pane .join-from").getText()).isEqualTo("Invite from Cluster Desk");
            browser.find("#pane .join-button").click();
            awaitActive(browser);
            desktop.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);

            desktop.service.send(invite.chat(), "Hello over the cluster 👋🏽").get();
            awaitIncoming(browser, List.of("Hello over the cluster 👋🏽"));
            browser.typeAndSend("Hi back from Chromium 🦊");
            desktop.awaitReceived(invite.chat(), "Hi back from Chromium 🦊", WAIT);
            awaitOutgoingDelivered(browser, 1);
            awaitDesktopDelivered(desktop, 1);
            browser.screenshot("cluster-desktop-invites");

            // the deployment's login is what lets the browser in: with a wrong one it stays out (RabbitMQ 3.10's
            // Web MQTT closes the websocket without a CONNACK, so the page can only say it cannot get through)
            String password = cluster.credentials().orElseThrow().password();
            try {
                publish("not-" + password);
                browser.reload();
                openOnlyChat(browser);
                browser.until(WAIT, d -> browser.find("#pane .chat-status").getText()
                        .contains("cannot reach the broker"));
                desktop.service.send(invite.chat(), "sent while the browser was locked out").get();
                Thread.sleep(3000);
                assertThat(browser.find("#pane .chat-status").getAttribute("data-status")).isNotEqualTo("online");
                assertThat(incoming(browser)).as("nothing arrives without the login")
                        .containsExactly("Hello over the cluster 👋🏽");
                browser.screenshot("cluster-login-refused");
            } finally {
                publish(password);
            }
            browser.reload();
            openOnlyChat(browser);
            awaitIncoming(browser, List.of("Hello over the cluster 👋🏽", "sent while the browser was locked out"));
            assertThat(browser.console()).as("the password never reaches the console").doesNotContain(password);
        }
    }

    @Test
    void theBrowserInvitesOnTheClusterAndTheDesktopJoins() throws Exception {
        try (Desktop desktop = Desktop.start(cluster, web.httpsUri(), "Cluster Two");
             Browser browser = browser(1280, 860)) {
            browser.open(web.httpsUri().toString());
            browser.find("#new-invite").click();
            String link = browser.until(WAIT, d -> {
                String v = browser.find("#pane .invite-link").getAttribute("value");
                return v == null || v.isEmpty() ? null : v;
            });
            assertThat(link).as("the browser's invite names the cluster from /parley.json, and no password")
                    .contains("&b=" + cluster.wssUri()).contains("&m=" + cluster.mqttsUri())
                    .doesNotContain(cluster.credentials().orElseThrow().password());

            ChatId chat = desktop.service.join(link).get();
            desktop.await(ChatEvent.ChatReady.class, e -> e.chat().equals(chat), WAIT);
            awaitActive(browser);

            browser.typeAndSend("Grüße über den Cluster");
            desktop.awaitReceived(chat, "Grüße über den Cluster", WAIT);
            desktop.service.send(chat, "and back through RabbitMQ 🎉").get();
            awaitIncoming(browser, List.of("and back through RabbitMQ 🎉"));
            awaitOutgoingDelivered(browser, 1);
            awaitDesktopDelivered(desktop, 1);
            assertThat(desktop.service.drops(chat).get()).as("the desktop dropped nothing the browser sent").isEmpty();
            browser.screenshot("cluster-browser-invites");
        }
    }

    private static void awaitActive(Browser browser) {
        try {
            browser.until(WAIT, d -> browser.findAll("#pane .send").size() == 1
                    && browser.find("#pane .send").isEnabled()
                    && "online".equals(browser.find("#pane .chat-status").getAttribute("data-status")));
        } catch (RuntimeException e) {
            throw new AssertionError("the browser's chat never came online on the cluster; status: '"
                    + browser.script("return document.querySelector('#pane .chat-status')?.textContent ?? null")
                    + "'; console: " + browser.console(), e);
        }
    }

    private static void openOnlyChat(Browser browser) {
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
    private static List<String> incoming(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#pane .message.in .text')]"
                + ".map(e => e.textContent);");
    }

    private static void awaitIncoming(Browser browser, List<String> expected) {
        try {
            browser.until(WAIT, d -> incoming(browser).equals(expected));
        } catch (RuntimeException e) {
            throw new AssertionError("the browser shows " + incoming(browser) + ", expected " + expected
                    + "; console: " + browser.console(), e);
        }
    }

    private static void awaitOutgoingDelivered(Browser browser, int count) {
        browser.until(WAIT, d -> browser.findAll("#pane .message.out[data-status=delivered]").size() == count);
    }

    private static void awaitDesktopDelivered(Desktop desktop, int count) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            long delivered = desktop.events.stream()
                    .filter(e -> e instanceof ChatEvent.DeliveryChanged d && d.delivery() == Delivery.DELIVERED).count();
            if (delivered >= count) return;
            Thread.sleep(20);
        }
        throw new AssertionError("the browser did not ack the desktop's messages over the cluster");
    }
}
