package parley.invite;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.text.DisplayNames;

/**
 * A one-time invite to a chat (docs/protocol.md section 4): the inviter's inbox, the invite key, the broker addresses
 * (at least one), an optional display name and the expiry. Validated on construction; whether it has expired
 * depends on a clock and is checked by {@link InviteLink#parse} and {@link #isExpiredAt}.
 *
 * @param wss   the broker's {@code wss://} address for browsers ({@code b} in the link)
 * @param mqtts the broker's {@code mqtts://host[:port]} address for the desktop ({@code m} in the link)
 * @param name  the inviter's display name: 1 to 64 characters, no control characters; shown, never trusted
 */
public record Invite(
        InboxId inbox,
        ChatKey key,
        Optional<URI> wss,
        Optional<URI> mqtts,
        Optional<String> name,
        Instant expires) {
    /** The lifetime an invite gets unless the user chooses another. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    /** The longest lifetime a parsed invite may have; a later expiry is refused as malformed. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);
    public static final int MAX_NAME_LENGTH = DisplayNames.MAX_LENGTH;

    /** @throws IllegalArgumentException naming the field when a value is not acceptable */
    public Invite {
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(wss, "wss");
        Objects.requireNonNull(mqtts, "mqtts");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expires, "expires");
        if (wss.isEmpty() && mqtts.isEmpty()) {
            throw new IllegalArgumentException("an invite needs a wss:// or an mqtts:// broker address");
        }
        wss.flatMap(BrokerUrls::wssProblem).ifPresent(problem -> {
            throw new IllegalArgumentException("the web broker address " + problem);
        });
        mqtts.flatMap(BrokerUrls::mqttsProblem).ifPresent(problem -> {
            throw new IllegalArgumentException("the broker address " + problem);
        });
        name.flatMap(DisplayNames::problem).ifPresent(problem -> {
            throw new IllegalArgumentException("the name " + problem);
        });
    }

    /** True from the expiry instant on: an invite expiring at {@code now} is already expired. */
    public boolean isExpiredAt(Instant now) {
        return !expires.isAfter(now);
    }

    /** Shows the abbreviated inbox and never the key. */
    @Override
    public String toString() {
        return "Invite[inbox=" + inbox.abbreviated() + ", key=***, wss=" + wss.map(URI::toString).orElse("-")
                + ", mqtts=" + mqtts.map(URI::toString).orElse("-") + ", name=" + name.orElse("-")
                + ", expires=" + expires + "]";
    }
}
