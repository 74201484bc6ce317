package parley.protocol;

import java.util.List;
import parley.crypto.InboxId;
import parley.crypto.MessageId;

/**
 * Receiver to sender (docs/protocol.md section 9.4): it holds every chunk of {@code file} below {@code have},
 * durably, and asks for the chunks in {@code want} (at most {@link #WINDOW}, ascending, each at least {@code have}).
 * {@code have} = count with nothing wanted says the file arrived whole. Not acked: re-derived from state.
 */
public record FileWant(MessageId id, InboxId to, long ts, MessageId file, int have, List<Integer> want)
        implements Plaintext {
    public static final String TYPE = "fwant";
    /** Chunks asked for and not yet received, at most. */
    public static final int WINDOW = 8;

    public FileWant {
        Fields.required("id", id);
        Fields.required("to", to);
        Fields.timestamp(ts);
        Fields.required("file", file);
        want = List.copyOf(Fields.required("want", want));
        if (have < 0) {
            throw new IllegalArgumentException("have must be 0 or more, not " + have);
        }
        if (want.size() > WINDOW) {
            throw new IllegalArgumentException("want must list at most " + WINDOW + " chunks, not " + want.size());
        }
        int previous = have - 1;
        for (int i : want) {
            if (i <= previous) {
                throw new IllegalArgumentException("want must be distinct, ascending and at least have");
            }
            previous = i;
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
