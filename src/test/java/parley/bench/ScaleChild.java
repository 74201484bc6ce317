package parley.bench;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import parley.chat.Chat;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;

/**
 * The process {@link ScaleBench} measures, one per size: opens a profile holding N chats (ChatService.start
 * connects one inbox each), times until every chat is online, counts threads, then measures an app-level round
 * trip on one chat (send, the peer's echo arrives) while the others idle, and prints its figures on one line.
 *
 * <p>With "restart" as its last argument it then asks the parent to restart the broker and times how its chats
 * come back: every chat's first return to online after the drop, so the spread and the peak rate of connects
 * the broker accepted (their CONNACKs, on loopback) show whether a thousand chats come back as a herd.
 *
 * <p>Arguments: profile dir, broker URL, CA file, the echo chat's id, messages, warm-up messages[, "restart"].
 */
public final class ScaleChild {
    static final String RESULT = "RESULT ";
    /** Printed when the child wants the broker restarted (the last argument "restart"); the parent does it. */
    static final String RESTART_BROKER = "RESTART-BROKER";

    private ScaleChild() {}

    public static void main(String[] args) throws Exception {
        Path profile = Path.of(args[0]);
        URI broker = URI.create(args[1]);
        Path ca = Path.of(args[2]);
        ChatId echoChat = new ChatId(args[3]);
        int messages = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        long start = System.nanoTime();
        try (BenchParty party = BenchParty.start("Scale", profile, broker, ca)) {
            int chats = awaitAllOnline(party, 120);
            long connected = System.nanoTime() - start;
            ProcStatus afterConnect = ProcStatus.now();
            ThreadCensus.Census census = ThreadCensus.take();
            Map<String, Long> byName = census.all();
            Samples rt = roundTrips(party, echoChat, messages, warmup);
            JsonObject reconnect = args.length > 6 && args[6].equals("restart") ? reconnect(party, chats) : null;
            ProcStatus end = ProcStatus.now();
            JsonObject out = new JsonObject();
            out.addProperty("chats", chats);
            out.addProperty("connectNanos", connected);
            out.addProperty("threads", afterConnect.threads());
            out.addProperty("mqttIoThreads", ThreadCensus.transportIo(byName));
            out.addProperty("pahoLoopThreads", ThreadCensus.pahoLoops(byName));
            out.addProperty("javaThreads", byName.values().stream().mapToLong(Long::longValue).sum());
            out.addProperty("platformThreads", census.platformCount());
            out.addProperty("platformPahoLoopThreads", ThreadCensus.pahoLoops(census.platform()));
            out.addProperty("threadNames", "platform " + census.platform() + "; virtual " + census.virtual());
            out.addProperty("peakRssBytes", end.peakRssBytes());
            out.addProperty("rssBytes", end.rssBytes());
            out.addProperty("rtP50Nanos", rt.median());
            out.addProperty("rtP99Nanos", rt.percentile(99));
            if (reconnect != null) out.add("reconnect", reconnect);
            System.out.println(RESULT + out);
        }
    }

    private static int awaitAllOnline(BenchParty party, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            List<Chat> chats = BenchParty.await(party.service.chats(), "the chat list");
            long online = chats.stream().filter(c -> c.connection().status() == Chat.Connection.Status.ONLINE).count();
            if (online == chats.size()) return chats.size();
            if (System.nanoTime() > end) {
                throw new IllegalStateException(online + " of " + chats.size() + " chats online after " + seconds + " s");
            }
            Thread.sleep(5);
        }
    }

    /** Sends one at a time; the time until the peer's echo of it is shown. */
    private static Samples roundTrips(BenchParty party, ChatId chat, int messages, int warmup)
            throws InterruptedException {
        BlockingQueue<Long> echoes = new ArrayBlockingQueue<>(16);
        party.addListener(e -> {
            if (e instanceof ChatEvent.MessageAdded m && m.chat().equals(chat) && !m.message().outgoing()) {
                echoes.offer(System.nanoTime());
            }
        });
        String text = CodecSample.text(RoundTripBench.TEXT_BYTES);
        long[] rt = new long[messages];
        for (int i = 0; i < warmup + messages; i++) {
            long start = System.nanoTime();
            party.service.send(chat, text);
            Long echoed = echoes.poll(30, TimeUnit.SECONDS);
            if (echoed == null) throw new IllegalStateException("no echo of message " + i + " within 30 s");
            if (i >= warmup) rt[i - warmup] = echoed - start;
        }
        return Samples.ofNanos(rt);
    }

    /** Asks for the broker's restart; waits until every chat has been back online once. */
    private static JsonObject reconnect(BenchParty party, int chats) throws InterruptedException {
        Map<ChatId, Boolean> online = new ConcurrentHashMap<>();
        Map<ChatId, Long> back = new ConcurrentHashMap<>();
        AtomicLong firstDrop = new AtomicLong();
        party.addListener(e -> {
            if (e instanceof ChatEvent.ChatChanged c) {
                boolean on = c.snapshot().connection().status() == Chat.Connection.Status.ONLINE;
                Boolean was = online.put(c.chat(), on);
                long now = System.nanoTime();
                if (!on && !Boolean.FALSE.equals(was)) firstDrop.compareAndSet(0, now);
                if (on && Boolean.FALSE.equals(was)) back.putIfAbsent(c.chat(), now);
            }
        });
        System.out.println(RESTART_BROKER);
        System.out.flush();
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (back.size() < chats) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(back.size() + " of " + chats + " chats back within 5 min");
            }
            Thread.sleep(20);
        }
        long[] times = back.values().stream().mapToLong(Long::longValue).sorted().toArray();
        int peak = 0;
        for (int i = 0, j = 0; i < times.length; i++) { // the most returns in any one second
            while (times[i] - times[j] >= 1_000_000_000L) j++;
            peak = Math.max(peak, i - j + 1);
        }
        JsonObject out = new JsonObject();
        out.addProperty("chats", times.length);
        out.addProperty("dropToAllBackNanos", times[times.length - 1] - firstDrop.get());
        out.addProperty("firstToLastNanos", times[times.length - 1] - times[0]);
        out.addProperty("peakPerSecond", peak);
        return out;
    }
}
