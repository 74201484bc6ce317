package parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.ChatTimings;
import parley.chat.Party;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * The JSON-RPC mode ({@code parley jsonrpc}) from the built image, on pipes, against the real broker stack and a
 * friend on the chat core; and the echo bot of docs/bot.md, started from the docs' own script with Debian's
 * python3.
 */
@ExtendWith(BrokerStackExtension.class)
class BotIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static BrokerStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void stack(BrokerStack s) {
        stack = s;
    }

    @Test
    void theEchoBotFromTheDocsAnswersAFriend() throws Exception {
        Party bob = bob();
        botChatWith(bob);
        try (RpcProcess echo = RpcProcess.start(List.of("/usr/bin/python3", docs("echo-bot.py").toString(),
                "--profile", dir.resolve("bot").toString()), dir.resolve("home"),
                Map.of("PARLEY", RpcProcess.launcher().toString()))) {
            ChatId bobsChat = bobsOnlyChat(bob);
            bob.service.send(bobsChat, "hello bot").join();
            bob.service.send(bobsChat, "grüß dich ✓ \"quoted\"\nsecond line").join();
            awaitReceived(bob, "echo: hello bot");
            awaitReceived(bob, "echo: grüß dich ✓ \"quoted\"\nsecond line");
            assertThat(echo.stderr()).contains("echo bot online with 1 chat(s)");

            List<ProcessHandle> parley = echo.process().descendants().toList();
            assertThat(parley).as("the bot runs one parley jsonrpc").hasSize(1);
            echo.terminate();
            assertThat(echo.awaitExit(WAIT)).as(echo.toString()).isZero();
            assertThat(parley.getFirst().isAlive()).as("parley ended with its stdin").isFalse();
        } finally {
            bob.close();
        }
    }

    @Test
    void requestsInFlightGetTheirOwnRepliesAndBadLinesGetErrors() throws Exception {
        Party bob = bob();
        ChatId chat = botChatWith(bob);
        Path bobProfile = dir.resolve("bob");
        bob.close(); // offline: nothing the bot sends can be delivered until he is back
        try (RpcProcess bot = botRpc()) {
            bot.awaitEvent("online", e -> "connection".equals(RpcProcess.string(e, "event"))
                    && "online".equals(RpcProcess.string(e, "status")), WAIT);
            JsonObject slowSend = RpcProcess.params("chat", chat.value(), "text", "waits for Bob", "until", "delivered",
                    "timeout", "5m");
            bot.request("slow", "send", slowSend);
            bot.request("quick", "chats", new JsonObject());
            JsonObject quick = bot.awaitReply("quick", WAIT);
            assertThat(quick.getAsJsonObject("result").getAsJsonArray("chats")).hasSize(1);
            bot.request("slow", "chats", new JsonObject());
            assertThat(bot.awaitReply("slow", WAIT).getAsJsonObject("error").get("message").getAsString())
                    .contains("already in flight");

            bot.writeLine("this is not JSON");
            bot.writeLine("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"send\",\"params\":{\"chat\":\"" + chat.value()
                    + "\"}}");
            bot.request(8, "send", RpcProcess.params("chat", "nobody", "text", "x"));
            bot.request(9, "fly", new JsonObject());
            assertThat(error(bot.awaitReply(7, WAIT))).containsEntry("code", "-32602")
                    .containsEntry("message", "params.text: missing");
            assertThat(error(bot.awaitReply(8, WAIT))).containsEntry("code", "7");
            assertThat(error(bot.awaitReply(9, WAIT))).containsEntry("code", "-32601");
            assertThat(bot.received()).as("the line that is not JSON: an error without an id")
                    .anyMatch(line -> line.has("id") && line.get("id").isJsonNull() && line.has("error")
                            && error(line).get("code").equals("-32700"));

            bot.request(10, "safety", RpcProcess.params("chat", chat.value()));
            assertThat(bot.awaitReply(10, WAIT).getAsJsonObject("result").get("code").getAsString())
                    .matches("\\d{4}( \\d{4}){4}");
            assertThat(bot.received()).noneMatch(line -> "slow".equals(RpcProcess.string(line, "id"))
                    && line.has("result"));

            Party back = Party.start("Bob", bobProfile, stack, Optional.of(stack.mqttsUri()),
                    Optional.of(stack.wssUri()), ChatTimings.standard());
            try {
                awaitReceived(back, "waits for Bob");
                JsonObject slow = bot.awaitResult("slow", WAIT);
                assertThat(slow.getAsJsonObject("result").get("delivery").getAsString()).isEqualTo("delivered");
                assertThat(bot.indexOf(slow)).isGreaterThan(bot.indexOf(quick));
                String id = slow.getAsJsonObject("result").get("message").getAsString();
                assertThat(bot.events()).anyMatch(e -> "delivery".equals(RpcProcess.string(e, "event"))
                        && id.equals(RpcProcess.string(e, "id")) && "delivered".equals(RpcProcess.string(e, "delivery")));
            } finally {
                back.close();
            }
            bot.closeInput();
            assertThat(bot.awaitExit(WAIT)).as(bot.toString()).isZero();
        }
    }

    @Test
    void theEndOfInputExitsZeroAndKeepsTheOutboxForTheNextStart() throws Exception {
        Party bob = bob();
        ChatId chat = botChatWith(bob);
        Path bobProfile = dir.resolve("bob");
        bob.close();
        String messageId;
        stack.stopBroker();
        try {
            try (RpcProcess bot = botRpc()) {
                bot.request(1, "send", RpcProcess.params("chat", chat.value(), "text", "written before EOF"));
                JsonObject reply = bot.awaitReply(1, WAIT).getAsJsonObject("result");
                assertThat(reply.get("delivery").getAsString()).isEqualTo("queued");
                messageId = reply.get("message").getAsString();
                bot.closeInput();
                assertThat(bot.awaitExit(WAIT)).as(bot.toString()).isZero();
            }
            ImageProcess.Run history = ImageProcess.run(dir.resolve("home"), WAIT, "--profile",
                    dir.resolve("bot").toString(), "history", chat.value());
            assertThat(history.out()).as(history.toString()).contains("\"text\":\"written before EOF\"")
                    .contains("\"delivery\":\"queued\"");
        } finally {
            stack.startBroker();
        }

        Party back = Party.start("Bob", bobProfile, stack, Optional.of(stack.mqttsUri()), Optional.of(stack.wssUri()),
                ChatTimings.standard());
        try (RpcProcess bot = botRpc()) {
            awaitReceived(back, "written before EOF");
            bot.awaitEvent("the tick from Bob", e -> "delivery".equals(RpcProcess.string(e, "event"))
                    && messageId.equals(RpcProcess.string(e, "id"))
                    && "delivered".equals(RpcProcess.string(e, "delivery")), WAIT);
            bot.terminate();
            assertThat(bot.awaitExit(WAIT)).as("SIGTERM: the JVM's own exit status\n" + bot).isEqualTo(143);
            ChatId bobsChat = bobsOnlyChat(back);
            assertThat(back.service.history(bobsChat, Long.MAX_VALUE, 50).join())
                    .filteredOn(m -> m.text().equals("written before EOF")).hasSize(1);
        } finally {
            back.close();
        }
        ImageProcess.Run chats = ImageProcess.run(dir.resolve("home"), WAIT, "--profile", dir.resolve("bot").toString(),
                "chats", "--json");
        assertThat(chats.code()).as("the profile is closed cleanly after SIGTERM\n" + chats).isZero();
    }

    /** The bot invites over JSON-RPC, Bob joins; the bot's process ends with its input. */
    private ChatId botChatWith(Party bob) throws Exception {
        try (RpcProcess bot = RpcProcess.jsonrpc(dir.resolve("home"), "--profile", dir.resolve("bot").toString(),
                "--name", "Bot", "--broker", stack.mqttsUri().toString(), "--wss", stack.wssUri().toString(), "--ca",
                stack.caFile().toString())) {
            assertThat(bot.awaitEvent("started", e -> "started".equals(RpcProcess.string(e, "event")), WAIT)
                    .get("chats").getAsInt()).isZero();
            bot.request(1, "invite", RpcProcess.params("expires", "1h"));
            JsonObject invite = bot.awaitReply(1, WAIT).getAsJsonObject("result");
            String chat = invite.get("chat").getAsString();
            bob.service.join(invite.get("link").getAsString()).join();
            JsonObject ready = bot.awaitEvent("ready", e -> "ready".equals(RpcProcess.string(e, "event"))
                    && chat.equals(RpcProcess.string(e, "chat")), WAIT);
            assertThat(ready.get("name").getAsString()).isEqualTo("Bob");
            awaitBobReady(bob);
            bot.closeInput();
            assertThat(bot.awaitExit(WAIT)).as(bot.toString()).isZero();
            return new ChatId(chat);
        }
    }

    private RpcProcess botRpc() throws Exception {
        RpcProcess bot = RpcProcess.jsonrpc(dir.resolve("home"), "--profile", dir.resolve("bot").toString());
        bot.awaitEvent("started", e -> "started".equals(RpcProcess.string(e, "event")), WAIT);
        return bot;
    }

    private Party bob() {
        return Party.start("Bob", dir.resolve("bob"), stack, Optional.of(stack.mqttsUri()), Optional.of(stack.wssUri()),
                ChatTimings.standard());
    }

    private static void awaitBobReady(Party bob) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (bob.events.stream().noneMatch(e -> e instanceof ChatEvent.ChatReady)) {
            assertThat(System.nanoTime()).as("Bob's chat became ready").isLessThan(end);
            Thread.sleep(20);
        }
    }

    private static ChatId bobsOnlyChat(Party bob) {
        return bob.service.chats().join().getFirst().id();
    }

    private static void awaitReceived(Party bob, String text) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (bob.events.stream().noneMatch(e -> e instanceof ChatEvent.MessageAdded m && !m.message().outgoing()
                && m.message().text().equals(text))) {
            assertThat(System.nanoTime()).as("Bob received '" + text + "'; got " + bob.events).isLessThan(end);
            Thread.sleep(20);
        }
    }

    private static Map<String, String> error(JsonObject reply) {
        JsonObject e = reply.getAsJsonObject("error");
        assertThat(e).as("an error reply: " + reply).isNotNull();
        return Map.of("code", e.get("code").getAsString(), "message", e.get("message").getAsString());
    }

    private static Path docs(String file) {
        return Path.of(System.getProperty("parley.repo", "."), "docs", file).toAbsolutePath();
    }
}
