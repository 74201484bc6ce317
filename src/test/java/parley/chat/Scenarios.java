package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import parley.crypto.ChatKey;
import parley.crypto.CryptoJsAes;
import parley.crypto.DecryptionException;
import parley.crypto.MacKey;

/**
 * The shared protocol scenarios (protocol-scenarios/README.md) as the desktop's runners read them: the fixtures,
 * {@code $name} references, and payloads built from a scenario's plaintext and opened again, with the raw
 * CryptoJS format and MAC (not the codec under test), as web/test/scenarios.test.js does.
 */
final class Scenarios {
    static final Path DIR = Path.of("protocol-scenarios");
    private static final JsonObject FIXTURES = read("fixtures.json");
    static final Instant START = Instant.parse(FIXTURES.get("start").getAsString());
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String group : List.of("keys", "inboxes", "ids", "epks")) {
            FIXTURES.getAsJsonObject(group).entrySet().forEach(e -> NAMES.put(e.getKey(), e.getValue().getAsString()));
        }
    }

    private Scenarios() {}

    static JsonObject read(String name) {
        Path file = DIR.resolve(name);
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("the shared scenarios are read from " + file.toAbsolutePath(), e);
        }
    }

    /** The scenario files that drive a whole session (all but the fixtures, the reasons and the pure decisions). */
    static List<String> sessionFiles() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .filter(n -> !Set.of("fixtures.json", "drop-reasons.json", "rekey-decisions.json", "files.json").contains(n))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code $name} becomes the fixture's value, everywhere in a JSON value. */
    static JsonElement resolve(JsonElement v) {
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() && v.getAsString().startsWith("$")) {
            String name = v.getAsString().substring(1);
            assertThat(NAMES).as("fixtures").containsKey(name);
            return new JsonPrimitive(NAMES.get(name));
        }
        if (v.isJsonArray()) {
            JsonArray out = new JsonArray();
            v.getAsJsonArray().forEach(x -> out.add(resolve(x)));
            return out;
        }
        if (v.isJsonObject()) {
            JsonObject out = new JsonObject();
            v.getAsJsonObject().entrySet().forEach(e -> out.add(e.getKey(), resolve(e.getValue())));
            return out;
        }
        return v;
    }

    static String text(JsonElement v) {
        return resolve(v).getAsString();
    }

    /** Whether {@code value} is one of the fixtures (what {@code "@other"} excludes). */
    static boolean isFixture(String value) {
        return NAMES.containsValue(value);
    }

    static List<String> fixtureKeys() {
        return FIXTURES.getAsJsonObject("keys").entrySet().stream().map(e -> e.getValue().getAsString()).toList();
    }

    /** {@code base} with {@code overrides}' fields put over it (one level, as a scenario's chat over its file's). */
    static JsonObject merged(JsonObject base, JsonElement overrides) {
        JsonObject out = base.deepCopy();
        if (overrides != null && overrides.isJsonObject()) {
            overrides.getAsJsonObject().entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** A time given as ms after the start, or empty for null or absent. */
    static Optional<Instant> at(JsonObject o, String field) {
        JsonElement v = o.get(field);
        return v == null || v.isJsonNull() ? Optional.empty() : Optional.of(START.plusMillis(v.getAsLong()));
    }

    /** The payload bytes a scenario describes: raw text, or its plaintext sealed under a key, then tampered with. */
    static byte[] payload(JsonObject item) {
        if (item.has("raw")) {
            return item.get("raw").getAsString().getBytes(StandardCharsets.UTF_8);
        }
        ChatKey key = ChatKey.of(text(item.get("under")));
        String ct = CryptoJsAes.encrypt(resolve(item.get("plaintext")).toString(), key.passphraseUtf8());
        JsonObject envelope = new JsonObject();
        envelope.addProperty("v", 1);
        envelope.addProperty("ct", ct);
        envelope.addProperty("mac", MacKey.derive(key).mac(ct));
        JsonObject tamper = item.has("envelope") ? item.getAsJsonObject("envelope") : new JsonObject();
        for (Map.Entry<String, JsonElement> e : tamper.entrySet()) {
            String field = e.getKey();
            JsonElement value = e.getValue();
            if (value.equals(new JsonPrimitive("@flip"))) {
                String old = envelope.get(field).getAsString();
                envelope.addProperty(field, old.substring(0, old.length() - 1) + (old.endsWith("0") ? "1" : "0"));
            } else if (value.equals(new JsonPrimitive("@absent"))) {
                envelope.remove(field);
            } else if (!value.equals(new JsonPrimitive("@recompute"))) {
                envelope.add(field, value);
            }
        }
        if (tamper.has("mac") && tamper.get("mac").getAsString().equals("@recompute")) {
            envelope.addProperty("mac", MacKey.derive(key).mac(envelope.get("ct").getAsString()));
        }
        String text = envelope.toString();
        if (item.has("padTo")) {
            // whitespace inside the object: still a valid envelope, only longer
            int to = item.get("padTo").getAsInt();
            text = text.substring(0, text.length() - 1) + " ".repeat(to - text.length()) + "}";
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A sent payload opened with the first of {@code keys} whose MAC verifies: its plaintext plus "under". */
    static JsonObject opened(byte[] payload, List<String> keys) {
        JsonObject envelope = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
        String ct = envelope.get("ct").getAsString();
        for (String k : new HashSet<>(keys)) {
            ChatKey key = ChatKey.of(k);
            if (MacKey.derive(key).verifies(ct, envelope.get("mac").getAsString())) {
                try {
                    JsonObject plaintext = JsonParser.parseString(CryptoJsAes.decrypt(ct, key.passphraseUtf8()))
                            .getAsJsonObject();
                    plaintext.addProperty("under", k);
                    return plaintext;
                } catch (DecryptionException e) {
                    throw new AssertionError("a sent payload does not decrypt: " + e.getMessage(), e);
                }
            }
        }
        throw new AssertionError("a sent payload that no known key opens");
    }

    static JsonElement orNull(JsonElement v) {
        return v == null ? JsonNull.INSTANCE : v;
    }
}
