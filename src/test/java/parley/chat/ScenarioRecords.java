package parley.chat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;
import parley.crypto.ChatId;

/** The chat record a scenario's chat state describes, as the profile stores it. */
final class ScenarioRecords {
    private ScenarioRecords() {}

    static ChatRecord chat(JsonObject c) {
        ChatRecord r = new ChatRecord(ChatId.random(), c.get("inviter").getAsBoolean(), Scenarios.START);
        r.name = "scenario";
        r.phase = ChatPhase.valueOf(c.get("phase").getAsString().toUpperCase(Locale.ROOT));
        r.expires = Scenarios.at(c, "expires");
        r.mqtts = Optional.of(URI.create("mqtts://broker.test"));
        r.ownInbox = InboxId.of(Scenarios.text(c.get("own")));
        r.peerInbox = optional(c, "peer").map(InboxId::of);
        r.inviteKey = ChatKey.of(Scenarios.text(c.get("inviteKey")));
        epochs(r, c);
        if (c.has("handshake") && !c.get("handshake").isJsonNull()) {
            JsonObject h = c.getAsJsonObject("handshake");
            PublicPoint epk;
            if (h.get("epk").getAsString().equals("@fresh")) {
                EphemeralKeyPair fresh = EphemeralKeyPair.generate();
                r.ephemeralPrivate = Optional.of(fresh.privateKeyBytes());
                epk = fresh.publicPoint();
            } else {
                epk = PublicPoint.of(Scenarios.text(h.get("epk")));
            }
            r.handshake = Optional.of(new Handshake(new MessageId(Scenarios.text(h.get("id"))),
                    h.get("seq").getAsLong(), h.get("ts").getAsLong(), epk, Optional.empty()));
        }
        r.handshakeConfirmed = c.has("handshakeConfirmed") && c.get("handshakeConfirmed").getAsBoolean();
        r.acceptedJoin = optional(c, "acceptedJoin").map(MessageId::new);
        r.sendSeq = number(c, "sendSeq");
        r.peerSeq = number(c, "peerSeq");
        rekeyState(r, c);
        return r;
    }

    /** The epochs, pending rekey, last answer and taken rekey-ok: all a pure rekey decision reads. */
    static void rekeyState(ChatRecord r, JsonObject c) {
        if (c.has("rekeyOffer") && !c.get("rekeyOffer").isJsonNull()) {
            JsonObject o = c.getAsJsonObject("rekeyOffer");
            // without its private half: the scenarios never use it (a zeroed stand-in, as a restored one is)
            r.rekeyOffer = Optional.of(new RekeyOffer(new MessageId(Scenarios.text(o.get("id"))), o.get("seq").getAsLong(),
                    o.get("ts").getAsLong(), o.get("epoch").getAsLong(), PublicPoint.of(Scenarios.text(o.get("epk"))),
                    new byte[32]));
        }
        if (c.has("rekeyAnswer") && !c.get("rekeyAnswer").isJsonNull()) {
            JsonObject a = c.getAsJsonObject("rekeyAnswer");
            r.rekeyAnswer = Optional.of(new RekeyAnswer(new MessageId(Scenarios.text(a.get("rekeyId"))),
                    new MessageId(Scenarios.text(a.get("id"))), a.get("seq").getAsLong(), a.get("ts").getAsLong(),
                    a.get("epoch").getAsLong(), PublicPoint.of(Scenarios.text(a.get("epk")))));
        }
        r.rekeyOkTaken = optional(c, "rekeyOkTaken").map(MessageId::new);
        r.sentSinceRekey = number(c, "sentSinceRekey");
    }

    static void epochs(ChatRecord r, JsonObject c) {
        r.epochs.clear();
        for (JsonElement x : c.getAsJsonArray("epochs")) {
            JsonObject e = x.getAsJsonObject();
            r.epochs.add(new EpochKey(e.get("epoch").getAsLong(), ChatKey.of(Scenarios.text(e.get("key"))),
                    Scenarios.at(e, "since").orElseThrow(), Scenarios.at(e, "eraseAt")));
        }
    }

    private static Optional<String> optional(JsonObject c, String field) {
        JsonElement v = c.get(field);
        return v == null || v.isJsonNull() ? Optional.empty() : Optional.of(Scenarios.text(v));
    }

    private static long number(JsonObject c, String field) {
        return c.has(field) ? c.get(field).getAsLong() : 0;
    }
}
