package parley.bench;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import parley.chat.ChatEvent;

/**
 * Benchmark 4: one process holding N chats, one broker connection each. The parent builds the profile (chat 0
 * with an echoing peer, the others with a peer that then goes offline), growing it from one size to the next;
 * a {@link ScaleChild} JVM per size opens it and measures.
 */
final class ScaleBench {
    record Result(int chats, List<String> flags, JsonObject figures) {}

    private ScaleBench() {}

    /**
     * Each size is measured once per entry of {@code flagSets} (the child JVM's options); the last size with the
     * last flags also has the broker restarted under it ({@code restartBroker}) to time the reconnect.
     */
    static List<Result> run(URI broker, Path caFile, Path work, int[] sizes, int messages, int warmup,
                            List<List<String>> flagSets, Runnable restartBroker) throws Exception {
        Path profile = work.resolve("scale");
        Path idleProfile = work.resolve("scale-idle-peers");
        List<Result> results = new ArrayList<>();
        try (BenchParty echo = BenchParty.start("Echo", work.resolve("scale-echo"), broker,
                caFile)) {
            BenchParty.Pair echoChat;
            int held;
            try (BenchParty owner = BenchParty.start("Scale", profile, broker, caFile)) {
                echoChat = BenchParty.pair(owner, echo);
                held = 1;
            }
            Consumer<ChatEvent> echoing = e -> {
                if (e instanceof ChatEvent.MessageAdded m && m.chat().equals(echoChat.atJoiner()) && !m.message().outgoing()) {
                    echo.service.send(m.chat(), m.message().text());
                }
            };
            echo.addListener(echoing);
            for (int size : sizes) {
                if (held < size) {
                    try (BenchParty owner = BenchParty.start("Scale", profile, broker, caFile);
                         BenchParty peers = BenchParty.start("Idle", idleProfile, broker, caFile)) {
                        for (; held < size; held++) BenchParty.pair(owner, peers);
                    }
                }
                for (List<String> flags : flagSets) {
                    boolean restart = size == sizes[sizes.length - 1] && flags == flagSets.getLast();
                    JsonObject figures = ChildJvm.run(ScaleChild.class, flags, line -> {
                        if (line.equals(ScaleChild.RESTART_BROKER)) restartBroker.run();
                    }, profile.toString(), broker.toString(), caFile.toString(), echoChat.atInviter().value(),
                            Integer.toString(messages), Integer.toString(warmup), restart ? "restart" : "no-restart");
                    results.add(new Result(size, flags, figures));
                }
            }
        }
        return results;
    }
}
