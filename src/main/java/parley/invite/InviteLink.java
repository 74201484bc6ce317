package parley.invite;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The invite link (docs/protocol.md section 4):
 * {@code <base>#parley=1&i=<I>&k=<K>&b=<wss URL>&m=<mqtts URL>&n=<name>&x=<expiry, unix seconds>}.
 * Everything secret is in the fragment, which browsers never send to a server.
 *
 * <p>The fragment is form-urlencoded ({@link URLEncoder}, UTF-8); absent optional fields are left out, and
 * {@code :} and {@code /} stay literal because a fragment allows them and form decoding leaves them alone: it keeps
 * the QR code a version smaller. A {@code b} that the web client's origin implies and the default mqtts port are
 * left out ({@link ShortForms}).
 */
public final class InviteLink {
    /** The base when the broker profile has no web client: a URL scheme the desktop app registers. */
    public static final String APP_BASE = "parley:";
    /** The invite format this build writes and reads. */
    public static final int VERSION = 1;

    private InviteLink() {}

    /**
     * Writes the link for {@code invite}.
     *
     * @param webBase the web client's {@code https://} URL, so that a phone scanning the QR opens the browser
     *                client; empty for {@value #APP_BASE}
     * @throws IllegalArgumentException if {@code webBase} is not an https URL with a host and without a fragment
     */
    public static String format(Invite invite, Optional<URI> webBase) {
        Objects.requireNonNull(invite, "invite");
        StringBuilder link = new StringBuilder(webBase.map(InviteLink::checkedBase).orElse(APP_BASE));
        link.append("#parley=").append(VERSION);
        append(link, Field.INBOX, invite.inbox().value());
        append(link, Field.KEY, invite.key().passphrase());
        invite.wss().filter(url -> !ShortForms.isImplied(url, webBase))
                .ifPresent(url -> append(link, Field.WEB_BROKER, url.toString()));
        invite.mqtts().ifPresent(url -> append(link, Field.BROKER, ShortForms.withoutDefaultPort(url)));
        invite.name().ifPresent(name -> append(link, Field.NAME, name));
        append(link, Field.EXPIRY, Long.toString(invite.expires().getEpochSecond()));
        return link.toString();
    }

    /**
     * Reads an invite link as a user pastes or a camera scans it: surrounding whitespace is ignored, the base must be
     * an {@code https://} URL or {@value #APP_BASE}, the fields are in the fragment after the first {@code #}.
     *
     * <p>Boundaries, in the order they are checked:
     * <ul>
     *   <li>no {@code parley} field in the fragment (or no fragment): {@code NOT_AN_INVITE}; but a fragment with an
     *       {@code i} or {@code k} field and no {@code parley}: {@code MISSING_FIELD}, and a fragment that is the
     *       start of {@code parley=1} (after {@value #APP_BASE}, or at least {@code parl}): {@code TRUNCATED}</li>
     *   <li>more than {@value InviteLinkParser#MAX_LINK_CHARS} characters, a known field twice, a version that is
     *       not a number or below 1, a base other than https or {@value #APP_BASE}: {@code MALFORMED}; fields this
     *       build does not know are ignored (also when repeated), empty {@code &&} sections too</li>
     *   <li>a version above 1: {@code UNSUPPORTED_VERSION}</li>
     *   <li>the last field evidently cut off: a trailing {@code &}, {@code %} or {@code %X}; a field name without
     *       {@code =}; an empty value; an inbox or key shorter than 43 base64url characters; an expiry of fewer than
     *       10 digits; a broker address that stops inside {@code wss://} or {@code mqtts://}; a name ending in an
     *       incomplete UTF-8 sequence: {@code TRUNCATED}</li>
     *   <li>{@code i}, {@code k} or {@code x} absent, or neither {@code b} nor {@code m}: {@code MISSING_FIELD}</li>
     *   <li>a value that is invalid (wrong length or alphabet, not canonical, not a URL, wrong scheme, a name that
     *       breaks {@link Invite}'s rules): {@code BAD_FIELD}; an empty {@code n} means no name</li>
     *   <li>an expiry more than {@link Invite#MAX_LIFETIME} after now: {@code MALFORMED}; at or before now:
     *       {@code EXPIRED}</li>
     * </ul>
     *
     * @throws InviteException with the problem and a message for the user; never any other exception for any text
     */
    public static Invite parse(String link, Clock clock) throws InviteException {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(clock, "clock");
        return new InviteLinkParser(link.strip(), clock).parse();
    }

    private static String checkedBase(URI base) {
        if (!"https".equalsIgnoreCase(base.getScheme()) || base.getHost() == null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("the web client's address must be an https:// URL without a #fragment");
        }
        return base.toString();
    }

    private static void append(StringBuilder link, Field field, String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%3A", ":").replace("%2F", "/");
        link.append('&').append(field.key).append('=').append(encoded);
    }
}
