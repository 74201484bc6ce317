package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;
import parley.protocol.DropReason;
import parley.crypto.ChatId;

/**
 * The shared protocol scenarios (protocol-scenarios/README.md) against the desktop's state machine: a real chat
 * service on the in-memory broker and the manual clock, resuming a chat stored in the state a scenario gives, fed
 * the payloads it describes. The browser runs the same files (web/test/scenarios.test.js).
 */
class ProtocolScenariosTest {
    /** What the runner lets pass after each payload, so that batched acks go out; nothing else falls due that soon. */
    private static final Duration SETTLE = Duration.ofMillis(250);

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> sessionScenarios() {
        return Scenarios.sessionFiles().stream().flatMap(name -> {
            JsonObject file = Scenarios.read(name);
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonElement s : file.getAsJsonArray("scenarios")) {
                JsonObject scenario = s.getAsJsonObject();
                tests.add(DynamicTest.dynamicTest(name + ": " + scenario.get("name").getAsString(),
                        () -> run(file, scenario)));
            }
            return tests.stream();
        });
    }

    @Test
    void theDesktopDropsPayloadsForExactlyTheReasonsTheScenariosList() {
        List<String> listed = new ArrayList<>();
        Scenarios.read("drop-reasons.json").getAsJsonArray("reasons").forEach(r -> listed.add(r.getAsString()));
        assertThat(Arrays.stream(DropReason.values()).map(DropReason::label)).containsExactlyInAnyOrderElementsOf(listed);
    }

    private void run(JsonObject file, JsonObject scenario) throws IOException {
        ChatRecord record = ScenarioRecords.chat(Scenarios.merged(file.getAsJsonObject("chat"), scenario.get("chat")));
        try (ChatLab lab = new ChatLab(Files.createTempDirectory(dir, "scenario"))) {
            ChatLab.Peer peer = lab.peer("scenario", ChatTimings.standard(),
                    store -> store.putChat(record.id, ChatRecordCodec.encode(record)));
            lab.time.runDue();
            Map<String, String> previous = new HashMap<>(); // t -> the id of the last one sent
            JsonArray steps = scenario.getAsJsonArray("steps");
            for (int n = 0; n < steps.size(); n++) {
                JsonObject step = steps.get(n).getAsJsonObject();
                String where = "step " + (n + 1);
                if (step.has("advance")) {
                    lab.advance(Duration.ofMillis(step.get("advance").getAsLong()));
                }
                int sentBefore = lab.broker.published().size();
                int eventsBefore = peer.events.size();
                receive(lab, peer, record.id, step.get("receive"));
                Optional<String> refused = command(peer, record.id, step);
                lab.advance(SETTLE);
                if (step.getAsJsonObject("expect").has("refused")) {
                    assertThat(refused).as(where + ": refused with")
                            .contains(step.getAsJsonObject("expect").get("refused").getAsString());
                }
                check(lab, peer, record.id, step.getAsJsonObject("expect"), where, sentBefore, eventsBefore, previous);
            }
        }
    }

    /** One payload, or several at once: those are held back and delivered together, to stage a race. */
    private static void receive(ChatLab lab, ChatLab.Peer peer, ChatId chat, JsonElement receive) {
        if (receive == null) {
            return;
        }
        List<JsonObject> items = new ArrayList<>();
        if (receive.isJsonArray()) {
            receive.getAsJsonArray().forEach(i -> items.add(i.getAsJsonObject()));
        } else {
            items.add(receive.getAsJsonObject());
        }
        InboxId own = peer.inbox(chat);
        if (items.size() > 1) {
            lab.broker.hold();
        }
        for (JsonObject item : items) {
            boolean retained = item.has("retained") && item.get("retained").getAsBoolean();
            lab.broker.inject(own, Scenarios.payload(item), retained);
        }
        lab.broker.release();
        lab.time.runDue();
    }

    /** A user's command, if the step gives one: the message it was refused with, if it was. */
    private static Optional<String> command(ChatLab.Peer peer, ChatId chat, JsonObject step) {
        if (!step.has("command")) {
            return Optional.empty();
        }
        CompletableFuture<?> done = switch (step.get("command").getAsString()) {
            case "send" -> peer.service.send(chat, step.get("text").getAsString());
            case "startRekey" -> peer.service.rekey(chat);
            default -> throw new AssertionError("no command " + step.get("command"));
        };
        assertThat(done).as("the command ran").isDone();
        return done.handle((ok, failure) -> Optional.ofNullable(failure)
                .map(f -> f instanceof CompletionException && f.getCause() != null ? f.getCause() : f)
                .map(Throwable::getMessage)).join();
    }

    private static void check(ChatLab lab, ChatLab.Peer peer, ChatId chat, JsonObject e, String where, int sentBefore,
                              int eventsBefore, Map<String, String> previous) {
        List<String> drops = peer.events.subList(eventsBefore, peer.events.size()).stream()
                .filter(ev -> ev instanceof ChatEvent.PayloadDropped).map(ev -> ((ChatEvent.PayloadDropped) ev).reason().label())
                .toList();
        ChatRecord r = peer.record(chat);
        if (e.has("accepted")) {
            assertThat(drops).as(where + ": nothing dropped").isEmpty();
        }
        if (e.has("drop")) {
            assertThat(drops).as(where + ": dropped as").containsExactly(e.get("drop").getAsString());
        }
        if (e.has("shown")) {
            List<String> shown = new ArrayList<>();
            e.getAsJsonArray("shown").forEach(t -> shown.add(t.getAsString()));
            assertThat(peer.received(chat)).as(where + ": shown").containsExactlyElementsOf(shown);
        }
        if (e.has("phase")) {
            assertThat(r.phase.name().toLowerCase(Locale.ROOT)).as(where + ": phase").isEqualTo(e.get("phase").getAsString());
        }
        if (e.has("epochs")) {
            List<Long> epochs = new ArrayList<>();
            e.getAsJsonArray("epochs").forEach(x -> epochs.add(x.getAsLong()));
            assertThat(r.epochs.stream().map(EpochKey::epoch).sorted()).as(where + ": epochs").containsExactlyElementsOf(epochs);
        }
        if (e.has("rekeying")) {
            assertThat(r.rekeyOffer.isPresent()).as(where + ": rekeying").isEqualTo(e.get("rekeying").getAsBoolean());
        }
        List<String> keys = new ArrayList<>(Scenarios.fixtureKeys());
        r.epochs.forEach(x -> keys.add(x.key().passphrase()));
        List<JsonObject> sent = lab.broker.published().subList(sentBefore, lab.broker.published().size()).stream()
                .map(p -> Scenarios.opened(p.payload(), keys)).toList();
        if (e.has("sent")) {
            JsonArray want = e.getAsJsonArray("sent");
            assertThat(sent.stream().map(p -> p.get("t").getAsString()))
                    .as(where + ": what was sent").containsExactlyElementsOf(
                            want.asList().stream().map(w -> w.getAsJsonObject().get("t").getAsString()).toList());
            for (int i = 0; i < want.size(); i++) {
                matches(want.get(i).getAsJsonObject(), sent.get(i), r, previous, where);
            }
        }
        sent.forEach(p -> previous.put(p.get("t").getAsString(), p.get("id").getAsString()));
    }

    private static void matches(JsonObject want, JsonObject got, ChatRecord r, Map<String, String> previous,
                                String where) {
        String t = got.get("t").getAsString();
        for (Map.Entry<String, JsonElement> f : want.entrySet()) {
            String field = f.getKey();
            JsonElement value = Scenarios.orNull(got.get(field));
            String as = where + ": " + t + "'s " + field;
            switch (f.getValue().isJsonPrimitive() ? f.getValue().getAsString() : "") {
                case "@current" -> assertThat(value.getAsString()).as(as + " is the current key")
                        .isEqualTo(r.currentEpoch().orElseThrow().key().passphrase());
                case "@other" -> assertThat(Scenarios.isFixture(value.getAsString())).as(as + " is none of the fixtures")
                        .isFalse();
                case "@previous" -> assertThat(value.getAsString()).as(as + " as in the " + t + " before")
                        .isEqualTo(previous.get(t));
                default -> assertThat(value).as(as).isEqualTo(Scenarios.resolve(f.getValue()));
            }
        }
    }
}
