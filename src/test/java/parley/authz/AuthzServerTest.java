package parley.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.crypto.InboxId;

/** The service over real HTTP: RabbitMQ's form posts get allow/deny; anything odd gets deny. */
class AuthzServerTest {
    private static AuthzServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(java.util.concurrent.Executors.newSingleThreadExecutor()).build();
    private static final InboxId OWN = InboxId.random();

    @BeforeAll
    static void start() throws Exception {
        server = AuthzServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "parley", "parley");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String readOwn() {
        return "username=parley&vhost=parley&resource=topic&name=amq.topic&permission=read&tags="
                + "&variable_map.client_id=" + enc(OWN.value()) + "&variable_map.username=parley"
                + "&variable_map.vhost=parley&routing_key=" + enc(".chats." + OWN.value() + ".messages");
    }

    @Test
    void answersRabbitMqsQuestions() throws Exception {
        assertThat(post("/auth/topic", readOwn())).isEqualTo("allow");
        assertThat(post("/auth/vhost", "username=parley&vhost=parley&ip=127.0.0.1&tags=&client_id="
                + enc(OWN.value()))).isEqualTo("allow");
        assertThat(post("/auth/user", "username=parley&password=x&vhost=parley&client_id=" + enc(OWN.value())))
                .isEqualTo("allow");
        assertThat(post("/auth/resource", "username=parley&vhost=parley&resource=queue&permission=read&tags="
                + "&name=" + enc("mqtt-subscription-" + OWN.value() + "qos1") + "&client_id=" + enc(OWN.value())))
                .isEqualTo("allow");
    }

    @Test
    void aFieldGivenTwiceIsDenied() throws Exception {
        String twice = readOwn() + "&routing_key=" + enc(".chats.#");
        assertThat(post("/auth/topic", twice)).isEqualTo("deny");
    }

    @Test
    void aBodyThatIsNotAFormIsDenied() throws Exception {
        assertThat(post("/auth/topic", "{\"username\":\"parley\"}")).isEqualTo("deny");
        assertThat(post("/auth/topic", "=x")).isEqualTo("deny");
        assertThat(post("/auth/topic", "")).isEqualTo("deny");
    }

    @Test
    void aBadPercentEscapeIsDenied() throws Exception {
        assertThat(post("/auth/topic", readOwn().replace("username=parley", "username=%zz"))).isEqualTo("deny");
    }

    @Test
    void aGetIsDenied() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/auth/topic?" + readOwn())).GET().build())).isEqualTo("deny");
    }

    @Test
    void anUnknownPathIsDenied() throws Exception {
        assertThat(post("/auth/other", readOwn())).isEqualTo("deny");
        assertThat(post("/auth/topic/x", readOwn())).isEqualTo("deny");
    }

    @Test
    void anOversizedBodyIsDenied() throws Exception {
        assertThat(post("/auth/topic", readOwn() + "&pad=" + "x".repeat(FormBody.MAX_BYTES))).isEqualTo("deny");
    }
}
