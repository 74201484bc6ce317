package parley.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * One JSON-RPC 2.0 request as read from a line, with typed access to its params that names the bad field.
 *
 * @param id the request's id, echoed in the reply (a string or an integer)
 */
record RpcRequest(JsonElement id, String method, JsonObject params) {

    /** A request that could not be read: the error says why, with the id when one could be read. */
    static final class Unreadable extends Exception {
        final JsonElement id;
        final RpcFailure failure;

        Unreadable(JsonElement id, RpcFailure failure) {
            super(failure.getMessage());
            this.id = id;
            this.failure = failure;
        }
    }

    static RpcRequest parse(String line) throws Unreadable {
        JsonElement json;
        try {
            JsonReader reader = new JsonReader(new StringReader(line));
            reader.setStrictness(Strictness.STRICT);
            json = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("more than one JSON value on the line");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            // Gson's message tells developers how to loosen the parser; the user needs only where it broke
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("column (\\d+)")
                    .matcher(String.valueOf(e.getMessage()));
            throw new Unreadable(JsonNull.INSTANCE, new RpcFailure(RpcFailure.PARSE_ERROR, "not a JSON value"
                    + (at.find() ? " (malformed at column " + at.group(1) + ")" : "")));
        }
        if (json.isJsonArray()) {
            throw invalid(JsonNull.INSTANCE, "batches are not supported: one request per line");
        }
        if (!json.isJsonObject()) {
            throw invalid(JsonNull.INSTANCE, "a request is a JSON object");
        }
        JsonObject o = json.getAsJsonObject();
        JsonElement id = o.get("id");
        if (id == null || id.isJsonNull()) {
            throw invalid(JsonNull.INSTANCE, "id: missing (Parley answers every request, so each needs an id)");
        }
        if (!(id instanceof JsonPrimitive p && (p.isString() || p.isNumber() && isInteger(p)))) {
            throw invalid(JsonNull.INSTANCE, "id: must be a string or an integer");
        }
        if (!(o.get("jsonrpc") instanceof JsonPrimitive v && v.isString() && v.getAsString().equals("2.0"))) {
            throw invalid(id, "jsonrpc: must be \"2.0\"");
        }
        if (!(o.get("method") instanceof JsonPrimitive m && m.isString())) {
            throw invalid(id, "method: must be a string");
        }
        JsonElement params = o.get("params");
        if (params != null && !params.isJsonObject()) {
            throw invalid(id, "params: must be an object (by name)");
        }
        for (String key : o.keySet()) {
            if (!Set.of("jsonrpc", "id", "method", "params").contains(key)) {
                throw invalid(id, key + ": not a member of a request");
            }
        }
        return new RpcRequest(id, m.getAsString(), params == null ? new JsonObject() : params.getAsJsonObject());
    }

    private static boolean isInteger(JsonPrimitive p) {
        return p.getAsString().matches("-?\\d{1,18}");
    }

    private static Unreadable invalid(JsonElement id, String message) {
        return new Unreadable(id, new RpcFailure(RpcFailure.INVALID_REQUEST, message));
    }

    /** Refuses params this method does not take: a typo should not be silently ignored. */
    void only(String... names) {
        for (String key : params.keySet()) {
            if (!Set.of(names).contains(key)) {
                throw badParam(key, "unknown (" + method + " takes " + (names.length == 0 ? "none"
                        : String.join(", ", names)) + ")");
            }
        }
    }

    String string(String name) {
        return optionalString(name).orElseThrow(() -> badParam(name, "missing"));
    }

    Optional<String> optionalString(String name) {
        JsonElement e = params.get(name);
        if (e == null) {
            return Optional.empty();
        }
        if (!(e instanceof JsonPrimitive p && p.isString())) {
            throw badParam(name, "must be a string");
        }
        return Optional.of(p.getAsString());
    }

    int integer(String name, int fallback, int min, int max) {
        JsonElement e = params.get(name);
        if (e == null) {
            return fallback;
        }
        if (!(e instanceof JsonPrimitive p && p.isNumber() && isInteger(p))) {
            throw badParam(name, "must be an integer");
        }
        long value = p.getAsLong();
        if (value < min || value > max) {
            throw badParam(name, "must be from " + min + " to " + max + ", not " + value);
        }
        return (int) value;
    }

    /** A duration as the CLI takes it ("90s", "15m", "24h", "7d"), at most {@code max}. */
    Optional<Duration> duration(String name, Duration max) {
        return optionalString(name).map(text -> {
            Duration d;
            try {
                d = new DurationConverter().convert(text);
            } catch (CommandLine.TypeConversionException e) {
                throw badParam(name, e.getMessage());
            }
            if (d.isNegative() || d.compareTo(max) > 0) {
                throw badParam(name, "must be from 0s to " + max.toMinutes() + "m, not " + text);
            }
            return d;
        });
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        Optional<String> text = optionalString(name);
        if (text.isEmpty()) {
            return fallback;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text.get())) {
                return value;
            }
        }
        throw badParam(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private RpcFailure badParam(String name, String what) {
        return new RpcFailure(RpcFailure.INVALID_PARAMS, "params." + name + ": " + what);
    }
}
