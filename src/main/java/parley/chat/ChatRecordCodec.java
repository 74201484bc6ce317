package parley.chat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;
import parley.crypto.ChatId;

/** Writes a {@link ChatRecord} as the versioned JSON blob the store keeps, and reads it back strictly. */
final class ChatRecordCodec {
    /** Bumped when the layout changes; {@link #decode} upgrades older versions. */
    static final int FORMAT = 1;

    private ChatRecordCodec() {}

    static byte[] encode(ChatRecord r) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("id", r.id.value());
        o.addProperty("inviter", r.inviter);
        o.addProperty("created", r.created.toEpochMilli());
        o.addProperty("name", r.name);
        o.addProperty("phase", r.phase.name());
        r.expires.ifPresent(t -> o.addProperty("expires", t.toEpochMilli()));
        r.mqtts.ifPresent(u -> o.addProperty("mqtts", u.toString()));
        r.wss.ifPresent(u -> o.addProperty("wss", u.toString()));
        o.addProperty("ownInbox", r.ownInbox.value());
        r.peerInbox.ifPresent(i -> o.addProperty("peerInbox", i.value()));
        o.addProperty("inviteKey", r.inviteKey.passphrase());
        r.ephemeralPrivate.ifPresent(b -> o.addProperty("ephemeralPrivate", Base64.getEncoder().encodeToString(b)));
        r.handshake.ifPresent(h -> {
            JsonObject hs = new JsonObject();
            hs.addProperty("id", h.id().value());
            hs.addProperty("seq", h.seq());
            hs.addProperty("ts", h.ts());
            hs.addProperty("epk", h.epk().encoded());
            h.name().ifPresent(n -> hs.addProperty("name", n));
            o.add("handshake", hs);
        });
        o.addProperty("handshakeConfirmed", r.handshakeConfirmed);
        r.retiring.ifPresent(i -> o.addProperty("retiring", i.value()));
        r.acceptedJoin.ifPresent(i -> o.addProperty("acceptedJoin", i.value()));
        JsonArray epochs = new JsonArray();
        for (EpochKey e : r.epochs) {
            JsonObject eo = new JsonObject();
            eo.addProperty("epoch", e.epoch());
            eo.addProperty("key", e.key().passphrase());
            eo.addProperty("since", e.since().toEpochMilli());
            e.eraseAt().ifPresent(t -> eo.addProperty("eraseAt", t.toEpochMilli()));
            epochs.add(eo);
        }
        o.add("epochs", epochs);
        r.rekeyOffer.ifPresent(offer -> {
            JsonObject ro = new JsonObject();
            ro.addProperty("id", offer.id().value());
            ro.addProperty("seq", offer.seq());
            ro.addProperty("ts", offer.ts());
            ro.addProperty("epoch", offer.epoch());
            ro.addProperty("epk", offer.epk().encoded());
            ro.addProperty("privateKey", Base64.getEncoder().encodeToString(offer.privateKey()));
            o.add("rekeyOffer", ro);
        });
        r.rekeyAnswer.ifPresent(answer -> {
            JsonObject ra = new JsonObject();
            ra.addProperty("rekeyId", answer.rekeyId().value());
            ra.addProperty("id", answer.id().value());
            ra.addProperty("seq", answer.seq());
            ra.addProperty("ts", answer.ts());
            ra.addProperty("epoch", answer.epoch());
            ra.addProperty("epk", answer.epk().encoded());
            o.add("rekeyAnswer", ra);
        });
        r.rekeyOkTaken.ifPresent(id -> o.addProperty("rekeyOkTaken", id.value()));
        o.addProperty("sentSinceRekey", r.sentSinceRekey);
        r.safetyDigits.ifPresent(d -> o.addProperty("safety", d));
        o.addProperty("sendSeq", r.sendSeq);
        o.addProperty("peerSeq", r.peerSeq);
        o.addProperty("unread", r.unread);
        o.addProperty("verified", r.verified);
        r.lastActivity.ifPresent(t -> o.addProperty("lastActivity", t.toEpochMilli()));
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException naming the field when the blob is not a chat this version can read */
    static ChatRecord decode(byte[] blob) {
        JsonObject o;
        try {
            o = JsonParser.parseString(new String(blob, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("stored chat is not a JSON object", e);
        }
        int format = o.get("format").getAsInt();
        if (format > FORMAT) {
            throw new IllegalArgumentException("stored chat has format " + format + "; this Parley reads up to " + FORMAT);
        }
        ChatRecord r = new ChatRecord(
                new ChatId(o.get("id").getAsString()),
                o.get("inviter").getAsBoolean(),
                Instant.ofEpochMilli(o.get("created").getAsLong()));
        r.name = o.get("name").getAsString();
        r.phase = ChatPhase.valueOf(o.get("phase").getAsString());
        r.expires = opt(o, "expires", e -> Instant.ofEpochMilli(e.getAsLong()));
        r.mqtts = opt(o, "mqtts", e -> URI.create(e.getAsString()));
        r.wss = opt(o, "wss", e -> URI.create(e.getAsString()));
        r.ownInbox = InboxId.of("ownInbox", o.get("ownInbox").getAsString());
        r.peerInbox = opt(o, "peerInbox", e -> InboxId.of("peerInbox", e.getAsString()));
        r.inviteKey = ChatKey.of("inviteKey", o.get("inviteKey").getAsString());
        r.ephemeralPrivate = opt(o, "ephemeralPrivate", e -> Base64.getDecoder().decode(e.getAsString()));
        r.handshake = opt(o, "handshake", e -> {
            JsonObject hs = e.getAsJsonObject();
            return new Handshake(
                    new MessageId(hs.get("id").getAsString()),
                    hs.get("seq").getAsLong(),
                    hs.get("ts").getAsLong(),
                    PublicPoint.of(hs.get("epk").getAsString()),
                    opt(hs, "name", JsonElement::getAsString));
        });
        r.handshakeConfirmed = o.get("handshakeConfirmed").getAsBoolean();
        r.retiring = opt(o, "retiring", e -> InboxId.of("retiring", e.getAsString()));
        r.acceptedJoin = opt(o, "acceptedJoin", e -> new MessageId(e.getAsString()));
        for (JsonElement e : o.getAsJsonArray("epochs")) {
            JsonObject eo = e.getAsJsonObject();
            r.epochs.add(new EpochKey(
                    eo.get("epoch").getAsLong(),
                    ChatKey.of("epoch key", eo.get("key").getAsString()),
                    Instant.ofEpochMilli(eo.get("since").getAsLong()),
                    opt(eo, "eraseAt", t -> Instant.ofEpochMilli(t.getAsLong()))));
        }
        r.rekeyOffer = opt(o, "rekeyOffer", e -> {
            JsonObject ro = e.getAsJsonObject();
            return new RekeyOffer(new MessageId(ro.get("id").getAsString()), ro.get("seq").getAsLong(),
                    ro.get("ts").getAsLong(), ro.get("epoch").getAsLong(), PublicPoint.of(ro.get("epk").getAsString()),
                    Base64.getDecoder().decode(ro.get("privateKey").getAsString()));
        });
        r.rekeyAnswer = opt(o, "rekeyAnswer", e -> {
            JsonObject ra = e.getAsJsonObject();
            return new RekeyAnswer(new MessageId(ra.get("rekeyId").getAsString()),
                    new MessageId(ra.get("id").getAsString()), ra.get("seq").getAsLong(), ra.get("ts").getAsLong(),
                    ra.get("epoch").getAsLong(), PublicPoint.of(ra.get("epk").getAsString()));
        });
        r.rekeyOkTaken = opt(o, "rekeyOkTaken", e -> new MessageId(e.getAsString()));
        r.sentSinceRekey = opt(o, "sentSinceRekey", JsonElement::getAsLong).orElse(0L);
        r.safetyDigits = opt(o, "safety", JsonElement::getAsString);
        r.sendSeq = o.get("sendSeq").getAsLong();
        r.peerSeq = o.get("peerSeq").getAsLong();
        r.unread = o.get("unread").getAsInt();
        r.verified = o.get("verified").getAsBoolean();
        r.lastActivity = opt(o, "lastActivity", e -> Instant.ofEpochMilli(e.getAsLong()));
        return r;
    }

    private static <T> Optional<T> opt(JsonObject o, String field, Function<JsonElement, T> read) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(read.apply(e));
    }
}
