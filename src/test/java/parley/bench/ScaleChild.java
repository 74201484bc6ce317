package parley.bench;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import parley.chat.Chat;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;

/**
 * The process {@link ScaleBench} measures, one per size: opens a profile holding N chats (ChatService.start
 * connects one inbox each), times until every chat is online, counts threads, then measures an app-level round
 * trip on one chat (send, the peer's echo arrives) while the others idle, and prints its figures on one line.
 *
 * <p>Arguments: profile dir, broker URL, CA file, the echo chat's id, messages, warm-up messages.
 */
public final class ScaleChild {
    static final String RESULT = "RESULT ";

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
            Map<String, Long> byName = ThreadCensus.byName();
            Samples rt = roundTrips(party, echoChat, messages, warmup);
            ProcStatus end = ProcStatus.now();
            JsonObject out = new JsonObject();
            out.addProperty("chats", chats);
            out.addProperty("connectNanos", connected);
            out.addProperty("threads", afterConnect.threads());
            out.addProperty("mqttIoThreads", ThreadCensus.transportIo(byName));
            out.addProperty("pahoLoopThreads", ThreadCensus.pahoLoops(byName));
            out.addProperty("javaThreads", byName.values().stream().mapToLong(Long::longValue).sum());
            out.addProperty("threadNames", byName.toString());
            out.addProperty("peakRssBytes", end.peakRssBytes());
            out.addProperty("rssBytes", end.rssBytes());
            out.addProperty("rtP50Nanos", rt.median());
            out.addProperty("rtP99Nanos", rt.percentile(99));
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
}
