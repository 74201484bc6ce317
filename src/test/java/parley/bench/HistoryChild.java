package parley.bench;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import parley.crypto.ChatId;
import parley.chat.Message;

/**
 * The process {@link HistoryBench} measures: opens a profile whose one chat holds a long history and shows the
 * first screenful, the latest 50 messages: the time ChatService.start took (a cold JVM opening the store and
 * starting its connection), then the time of the first {@code history} call, the screenful, and the process's peak
 * RSS and heap after that.
 *
 * <p>Arguments: profile dir, broker URL, CA file, the chat's id, the number of stored messages expected.
 */
public final class HistoryChild {
    static final int SCREENFUL = 50;

    private HistoryChild() {}

    public static void main(String[] args) throws Exception {
        Path profile = Path.of(args[0]);
        URI broker = URI.create(args[1]);
        Path ca = Path.of(args[2]);
        ChatId chat = new ChatId(args[3]);
        String newest = "message " + Integer.parseInt(args[4]) + " ";
        long start = System.nanoTime();
        try (BenchParty party = BenchParty.start("History", profile, broker, ca)) {
            long started = System.nanoTime();
            List<Message> page = BenchParty.await(party.service.history(chat, Long.MAX_VALUE, SCREENFUL), "history");
            long shown = System.nanoTime();
            long t = System.nanoTime();
            List<Message> again = BenchParty.await(party.service.history(chat, Long.MAX_VALUE, SCREENFUL), "history");
            long warmPage = System.nanoTime() - t;
            if (page.size() != SCREENFUL || !page.equals(again) || !page.getFirst().text().startsWith(newest)) {
                throw new IllegalStateException("the latest page is not the " + SCREENFUL + " newest messages: "
                        + page.size() + " messages, newest " + page.getFirst().text().substring(0, 20));
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            ProcStatus status = ProcStatus.now();
            JsonObject out = new JsonObject();
            out.addProperty("startNanos", started - start);
            out.addProperty("firstScreenNanos", shown - started);
            out.addProperty("warmPageNanos", warmPage);
            out.addProperty("peakRssBytes", status.peakRssBytes());
            out.addProperty("heapUsedBytes", rt.totalMemory() - rt.freeMemory());
            System.out.println(ScaleChild.RESULT + out);
        }
    }
}
