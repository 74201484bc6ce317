package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RpcRequestTest {
    @Test
    void aRequestIsReadWithItsIdMethodAndParams() throws Exception {
        RpcRequest r = RpcRequest.parse("{\"jsonrpc\":\"2.0\",\"id\":\"a1\",\"method\":\"send\","
                + "\"params\":{\"chat\":\"Bob\",\"text\":\"hi\",\"timeout\":\"90s\",\"until\":\"sent\"}}");
        assertThat(r.id().getAsString()).isEqualTo("a1");
        assertThat(r.method()).isEqualTo("send");
        assertThat(r.string("chat")).isEqualTo("Bob");
        assertThat(r.duration("timeout", Duration.ofMinutes(10))).contains(Duration.ofSeconds(90));
        assertThat(r.choice("until", DeliveryWait.Until.class, DeliveryWait.Until.queued))
                .isEqualTo(DeliveryWait.Until.sent);
        assertThat(RpcRequest.parse("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"chats\"}").params().size()).isZero();
    }

    @Test
    void unreadableLinesSayWhyAndKeepTheIdWhenOneWasRead() {
        assertThat(unreadable("{not json")).satisfies(e -> {
            assertThat(e.id.isJsonNull()).isTrue();
            assertThat(e.failure.code).isEqualTo(RpcFailure.PARSE_ERROR);
            assertThat(e.failure.getMessage()).startsWith("not a JSON value").doesNotContain("LENIENT");
        });
        assertThat(unreadable("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chats\"} {}").failure.code)
                .isEqualTo(RpcFailure.PARSE_ERROR);
        assertThat(unreadable("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chats\"}]").failure.getMessage())
                .contains("batches");
        assertThat(unreadable("{\"jsonrpc\":\"2.0\",\"method\":\"chats\"}").failure.getMessage()).startsWith("id:");
        assertThat(unreadable("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"chats\"}").failure.code)
                .isEqualTo(RpcFailure.INVALID_REQUEST);
        RpcRequest.Unreadable noVersion = unreadable("{\"id\":\"x\",\"method\":\"chats\"}");
        assertThat(noVersion.id.getAsString()).isEqualTo("x");
        assertThat(noVersion.failure.getMessage()).startsWith("jsonrpc:");
        assertThat(unreadable("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"chats\",\"params\":[1]}").id.getAsInt())
                .isEqualTo(2);
        assertThat(unreadable("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"chats\",\"extra\":1}").failure.getMessage())
                .startsWith("extra:");
    }

    @Test
    void badParamsNameTheField() throws Exception {
        RpcRequest r = RpcRequest.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"send\",\"params\":"
                + "{\"chat\":5,\"limit\":0,\"timeout\":\"soon\",\"until\":\"later\",\"txt\":\"hi\"}}");
        assertThat(message(() -> r.string("chat"))).isEqualTo("params.chat: must be a string");
        assertThat(message(() -> r.string("text"))).isEqualTo("params.text: missing");
        assertThat(message(() -> r.integer("limit", 50, 1, 1000))).isEqualTo("params.limit: must be from 1 to 1000, not 0");
        assertThat(message(() -> r.duration("timeout", Duration.ofMinutes(10)))).startsWith("params.timeout: 'soon'");
        assertThat(message(() -> r.choice("until", DeliveryWait.Until.class, DeliveryWait.Until.queued)))
                .isEqualTo("params.until: must be one of [queued, sent, delivered]");
        assertThat(message(() -> r.only("chat", "text", "limit", "timeout", "until")))
                .isEqualTo("params.txt: unknown (send takes chat, text, limit, timeout, until)");
    }

    private static String message(Runnable r) {
        RpcFailure f = catchThrowableOfType(RpcFailure.class, r::run);
        assertThat(f.code).isEqualTo(RpcFailure.INVALID_PARAMS);
        return f.getMessage();
    }

    private static RpcRequest.Unreadable unreadable(String line) {
        return catchThrowableOfType(RpcRequest.Unreadable.class, () -> RpcRequest.parse(line));
    }
}
