package parley.invite;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import parley.crypto.Base64Url;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;

/** Fixed values for invite tests: a clock at 2026-11-25 12:00 UTC and ids that never change between runs. */
public final class InviteFixtures {
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("UTC"));
    public static final InboxId INBOX = new InboxId(Base64Url.encode(filled(7)));
    public static final ChatKey KEY = ChatKey.fromBytes(filled(42));
    public static final URI WSS = URI.create("wss://chat.example.org/mqtt");
    public static final URI MQTTS = URI.create("mqtts://chat.example.org:8883");
    public static final URI WEB_BASE = URI.create("https://chat.example.org/");
    public static final Instant EXPIRES = NOW.plusSeconds(24 * 3600);

    private InviteFixtures() {}

    public static Invite invite(Optional<String> name) {
        return new Invite(INBOX, KEY, Optional.of(WSS), Optional.of(MQTTS), name, EXPIRES);
    }

    public static Invite invite() {
        return invite(Optional.of("Alice"));
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        bytes[31] = (byte) (value * 3);
        return bytes;
    }
}
