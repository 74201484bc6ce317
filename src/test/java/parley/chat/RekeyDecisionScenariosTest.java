package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;
import parley.protocol.Rekey;
import parley.protocol.RekeyOk;
import parley.crypto.ChatId;

/**
 * The shared scenarios of the pure rekey decisions (protocol-scenarios/rekey-decisions.json) against
 * {@link RekeyDecisions}; web/test/scenarios.test.js runs them against web/src/js/rekey.js.
 */
class RekeyDecisionScenariosTest {
    private static final JsonObject FILE = Scenarios.read("rekey-decisions.json");

    @TestFactory
    Stream<DynamicTest> rekeyDecisions() {
        return FILE.getAsJsonArray("cases").asList().stream().map(JsonElement::getAsJsonObject)
                .map(c -> DynamicTest.dynamicTest("rekey-decisions.json: " + c.get("name").getAsString(),
                        () -> assertThat(decide(c)).isEqualTo(c.get("expect"))));
    }

    private static JsonElement decide(JsonObject c) {
        JsonObject state = Scenarios.merged(FILE.getAsJsonObject("record"), c.get("record"));
        ChatRecord r = new ChatRecord(ChatId.random(), false, Scenarios.START);
        r.phase = ChatPhase.valueOf(state.get("phase").getAsString().toUpperCase(Locale.ROOT));
        ScenarioRecords.epochs(r, state);
        ScenarioRecords.rekeyState(r, state);
        return switch (c.get("decision").getAsString()) {
            case "rekeyVerdict" -> word(RekeyDecisions.rekeyVerdict(r, rekey(c.getAsJsonObject("rekey")), under(c)));
            case "rekeyOkVerdict" -> word(RekeyDecisions.rekeyOkVerdict(r, rekeyOk(c.getAsJsonObject("rekeyOk")), under(c)));
            case "startGrace" -> {
                boolean changed = RekeyDecisions.startGrace(r, under(c), Scenarios.at(c, "eraseAt").orElseThrow());
                JsonArray eraseAt = new JsonArray();
                r.epochs.forEach(e -> eraseAt.add(e.eraseAt().<JsonElement>map(t -> new JsonPrimitive(ms(t)))
                        .orElse(JsonNull.INSTANCE)));
                JsonObject out = new JsonObject();
                out.addProperty("changed", changed);
                out.add("eraseAt", eraseAt);
                yield out;
            }
            case "eraseDueKeys" -> {
                boolean changed = RekeyDecisions.eraseDueKeys(r, Scenarios.at(c, "at").orElseThrow());
                JsonArray epochs = new JsonArray();
                r.epochs.forEach(e -> epochs.add(e.epoch()));
                JsonObject out = new JsonObject();
                out.addProperty("changed", changed);
                out.add("epochs", epochs);
                out.addProperty("rekeyAnswerKept", r.rekeyAnswer.isPresent());
                yield out;
            }
            case "rekeyDue" -> new JsonPrimitive(RekeyDecisions.rekeyDue(r, Scenarios.at(c, "at").orElseThrow(),
                    ChatTimings.standard()));
            case "nextKeyEvent" -> new JsonPrimitive(ms(RekeyDecisions.nextKeyEvent(r, ChatTimings.standard())));
            default -> throw new AssertionError("no decision " + c.get("decision"));
        };
    }

    /** The scenarios' word for a verdict: its name in lower case, words joined by "-" (ANSWER_ABANDONING_OWN). */
    private static JsonElement word(Enum<?> verdict) {
        return new JsonPrimitive(verdict.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static long ms(Instant t) {
        return t.toEpochMilli() - Scenarios.START.toEpochMilli();
    }

    private static ChatKey under(JsonObject c) {
        return ChatKey.of(Scenarios.text(c.get("under")));
    }

    private static Rekey rekey(JsonObject o) {
        return new Rekey(new MessageId(Scenarios.text(o.get("id"))), InboxId.random(), 3, 0, o.get("epoch").getAsLong(),
                PublicPoint.of(Scenarios.text(o.get("epk"))));
    }

    private static RekeyOk rekeyOk(JsonObject o) {
        return new RekeyOk(new MessageId(Scenarios.text(o.get("id"))), InboxId.random(), 3, 0, o.get("epoch").getAsLong(),
                PublicPoint.of(Scenarios.text(o.get("epk"))));
    }
}
