package parley.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 8259 JSON with nothing lenient: Gson's {@link Strictness#STRICT} reader (which also refuses a lone surrogate
 * escape), plus what Gson's tree parser lets through: a duplicate key (the last would silently win, so two parsers
 * could read one payload two ways) and anything after the value. One pass: the tree is built by Gson while the
 * reader below refuses duplicates. Nesting is bounded by Gson's reader (255 levels).
 */
final class StrictJson {
    private StrictJson() {}

    /** The value, or empty when {@code text} is not one strict JSON value. */
    static Optional<JsonElement> parse(String text) {
        try {
            JsonReader reader = new DuplicateRefusingReader(text);
            // Gson reads an empty document as JsonNull; peeking first makes it the EOFException it is
            reader.peek();
            JsonElement value = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A strict reader that remembers the names of each open object and fails on a repeated one. Gson's tree
     * adapter reads objects through these overridable methods ({@code StrictJsonTest} holds it to that).
     */
    private static final class DuplicateRefusingReader extends JsonReader {
        private final Deque<Set<String>> open = new ArrayDeque<>();

        DuplicateRefusingReader(String text) {
            super(new StringReader(text));
            setStrictness(Strictness.STRICT);
        }

        @Override
        public void beginObject() throws IOException {
            super.beginObject();
            open.push(new HashSet<>());
        }

        @Override
        public void endObject() throws IOException {
            super.endObject();
            open.pop();
        }

        @Override
        public String nextName() throws IOException {
            String name = super.nextName();
            if (!open.element().add(name)) {
                throw new IOException("duplicate key at " + getPath());
            }
            return name;
        }
    }
}
