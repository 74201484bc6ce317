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
 * RFC 8259 JSON with nothing lenient: Gson's {@link Strictness#STRICT} reader, plus what Gson's tree parser lets
 * through: a duplicate key (the last would silently win, so two parsers could read one payload two ways) and
 * anything after the value. Nesting is bounded by Gson's reader (255 levels).
 */
final class StrictJson {
    private static final Set<String> IN_ARRAY = Set.of();

    private StrictJson() {}

    /** The value, or empty when {@code text} is not one strict JSON value. */
    static Optional<JsonElement> parse(String text) {
        try {
            checkStructure(text);
            JsonReader reader = strictReader(text);
            return Optional.of(JsonParser.parseReader(reader));
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One streaming pass that refuses duplicate keys and trailing data; iterative, so no deep recursion. */
    private static void checkStructure(String text) throws IOException {
        JsonReader reader = strictReader(text);
        Deque<Set<String>> open = new ArrayDeque<>();
        do {
            switch (reader.peek()) {
                case BEGIN_OBJECT -> {
                    reader.beginObject();
                    open.push(new HashSet<>());
                }
                case END_OBJECT -> {
                    reader.endObject();
                    open.pop();
                }
                case BEGIN_ARRAY -> {
                    reader.beginArray();
                    open.push(IN_ARRAY);
                }
                case END_ARRAY -> {
                    reader.endArray();
                    open.pop();
                }
                case NAME -> {
                    if (!open.element().add(reader.nextName())) {
                        throw new IOException("duplicate key at " + reader.getPath());
                    }
                }
                case STRING, NUMBER -> reader.nextString();
                case BOOLEAN -> reader.nextBoolean();
                case NULL -> reader.nextNull();
                case END_DOCUMENT -> throw new IOException("no JSON value");
            }
        } while (!open.isEmpty());
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new IOException("data after the JSON value");
        }
    }

    private static JsonReader strictReader(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }
}
