package parley.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.crypto.InboxId;

/** The dev broker stack behaves as docs/protocol.md needs: inbox ACL, no retain, wss through nginx, headers. */
class BrokerStackIT {
    private static BrokerStack stack;

    @BeforeAll
    static void startStack() {
        stack = BrokerStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) stack.close();
    }

    @Test
    void stackStartsAndStopsItsOwnProcesses() throws Exception {
        BrokerStack own = BrokerStack.start();
        int port = own.mqttsPort();
        try {
            assertThat(accepts(port)).as("mqtts port while running").isTrue();
        } finally {
            own.close();
        }
        assertThat(accepts(port)).as("mqtts port after close").isFalse();
        assertThat(accepts(stack.mqttsPort())).as("the other stack is untouched").isTrue();
    }

    @Test
    void onlyTheInboxOwnerReceivesWhatIsSentToIt() throws Exception {
        InboxId inbox = InboxId.random();
        String topic = "/chats/" + inbox.value() + "/messages";
        List<Rogue> rogues = new ArrayList<>();
        try (Rogue owner = Rogue.connect(stack, inbox.value(), topic);
             Rogue sender = Rogue.connect(stack, InboxId.random().value())) {
            for (String filter : List.of("#", "/chats/#", "+/+/+/+", "$SYS/#", topic)) {
                rogues.add(Rogue.connect(stack, InboxId.random().value(), filter));
            }
            sender.publish(topic, "hello".getBytes(StandardCharsets.UTF_8), false);

            assertThat(owner.awaitReceived(1, Duration.ofSeconds(5))).extracting(Rogue.Received::text)
                    .containsExactly("hello");
            Thread.sleep(500); // time for anything the broker would (wrongly) deliver to the rogues
            for (Rogue rogue : rogues) {
                assertThat(rogue.grantedQos()).as("SUBACK: subscribing is never refused").containsExactly(1);
                assertThat(rogue.received()).as("a rogue receives nothing").isEmpty();
            }
        } finally {
            rogues.forEach(Rogue::close);
        }
    }

    @Test
    void retainedMessagesAreNotKept() throws Exception {
        InboxId inbox = InboxId.random();
        String topic = "/chats/" + inbox.value() + "/messages";
        try (Rogue planter = Rogue.connect(stack, InboxId.random().value())) {
            // with retain_available false Mosquitto closes an MQTT 3.1.1 connection that publishes retained
            Throwable failure = catchThrowable(
                    () -> planter.publish(topic, "planted".getBytes(StandardCharsets.UTF_8), true));
            assertThat(failure != null || !planter.isConnected()).as("the retained publish was refused").isTrue();
        }
        try (Rogue owner = Rogue.connect(stack, inbox.value(), topic)) {
            assertThat(owner.awaitReceived(1, Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void wssThroughNginxReachesMosquitto() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(TestTls.trusting(stack.caFile())).build();
        var connack = new CompletableFuture<byte[]>();
        WebSocket socket = http.newWebSocketBuilder().subprotocols("mqtt")
                .buildAsync(stack.wssUri(), new WebSocket.Listener() {
                    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

                    @Override
                    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                        byte[] chunk = new byte[data.remaining()];
                        data.get(chunk);
                        bytes.writeBytes(chunk);
                        if (bytes.size() >= 4) connack.complete(bytes.toByteArray());
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            assertThat(socket.getSubprotocol()).isEqualTo("mqtt");
            socket.sendBinary(ByteBuffer.wrap(rawConnect("parley-wss-probe")), true).get(5, TimeUnit.SECONDS);
            // CONNACK, remaining length 2, no session present, return code 0 (accepted)
            assertThat(connack.get(5, TimeUnit.SECONDS)).containsExactly(0x20, 0x02, 0x00, 0x00);
        } finally {
            socket.abort();
            http.close();
        }
    }

    @Test
    void nginxSendsSecurityHeaders() throws Exception {
        try (HttpClient http = HttpClient.newBuilder().sslContext(TestTls.trusting(stack.caFile())).build()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(stack.httpsUri()).build(),
                    HttpResponse.BodyHandlers.discarding());
            var headers = response.headers();
            assertThat(headers.firstValue("strict-transport-security")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("max-age="));
            assertThat(headers.firstValue("content-security-policy")).hasValueSatisfying(
                    v -> assertThat(v).contains("default-src 'self'", "frame-ancestors 'none'"));
            assertThat(headers.firstValue("x-content-type-options")).hasValue("nosniff");
            assertThat(headers.firstValue("referrer-policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("server")).hasValue("nginx"); // server_tokens off: no version
        }
    }

    /**
     * A checkout inside a folder only its owner may enter (what {@code mktemp -d} makes): as root, nginx's workers
     * (www-data) cannot read it, and the stack must still serve its pages, not a 404. Unprivileged, nginx runs as
     * the owner and reads it anyway: the same page either way.
     */
    @Test
    void servesAWebRootInsideAFolderOnlyItsOwnerMayEnter() throws Exception {
        Path locked = Files.createTempDirectory("parley-checkout-"); // 0700, as mktemp -d
        try {
            assertThat(Files.getPosixFilePermissions(locked)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
            Path web = Files.createDirectories(locked.resolve("target/web"));
            String page = "<!doctype html><title>Parley</title><p>served from a locked checkout</p>\n";
            Files.writeString(web.resolve("index.html"), page);
            Files.writeString(web.resolve("app.mjs"), "export const ok = true;\n");
            try (BrokerStack own = BrokerStack.start(BrokerStack.Options.defaults().withWebRoot(web));
                 HttpClient http = HttpClient.newBuilder().sslContext(TestTls.trusting(own.caFile())).build()) {
                for (String path : List.of("", "index.html", "app.mjs")) {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(own.httpsUri().resolve(path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as("GET /" + path + " (nginx error log: "
                            + readQuietly(own.stateDir().resolve("nginx/error.log")) + ")").isEqualTo(200);
                }
                HttpResponse<String> index = http.send(HttpRequest.newBuilder(own.httpsUri()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(index.body()).isEqualTo(page);
            }
        } finally {
            try (var files = Files.walk(locked)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** MQTT 3.1.1 CONNECT, clean session, keep-alive 60 s. */
    private static byte[] rawConnect(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.US_ASCII);
        var variable = new java.io.ByteArrayOutputStream();
        variable.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, (byte) id.length});
        variable.writeBytes(id);
        var packet = new java.io.ByteArrayOutputStream();
        packet.write(0x10);
        packet.write(variable.size());
        packet.writeBytes(variable.toByteArray());
        return packet.toByteArray();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
