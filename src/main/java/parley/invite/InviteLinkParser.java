package parley.invite;

import static parley.invite.InviteException.Problem.BAD_FIELD;
import static parley.invite.InviteException.Problem.EXPIRED;
import static parley.invite.InviteException.Problem.MALFORMED;
import static parley.invite.InviteException.Problem.MISSING_FIELD;
import static parley.invite.InviteException.Problem.NOT_AN_INVITE;
import static parley.invite.InviteException.Problem.TRUNCATED;
import static parley.invite.InviteException.Problem.UNSUPPORTED_VERSION;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.text.DisplayNames;

/** One parse of one link; the rules and their order are documented on {@link InviteLink#parse}. */
final class InviteLinkParser {
    /** Far above the longest real link (about 1,100 characters with a 64-emoji name), far below harm. */
    static final int MAX_LINK_CHARS = 8192;
    private static final String CUT_OFF = "the invite link looks cut off; copy the whole link";
    private static final Pattern TRAILING_ESCAPE = Pattern.compile(".*%[0-9A-Fa-f]?");
    private static final Pattern BASE64URL_PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,42}");
    private static final Pattern SHORT_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,12}");
    private static final Pattern NEWER_VERSION = Pattern.compile("[1-9][0-9]{0,8}");
    private static final DateTimeFormatter EXPIRY_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    /** A {@code name=value} section as written; {@code value} is null when there is no {@code =}. */
    private record RawField(String name, String value) {}

    private final String text;
    private final Clock clock;

    InviteLinkParser(String text, Clock clock) {
        this.text = text;
        this.clock = clock;
    }

    Invite parse() throws InviteException {
        int hash = text.indexOf('#');
        if (hash < 0) {
            throw hasAppBase() ? new InviteException(TRUNCATED, CUT_OFF) : notAnInvite();
        }
        String fragment = text.substring(hash + 1);
        List<RawField> fields = split(fragment);
        Map<Field, RawField> known = new EnumMap<>(Field.class);
        for (RawField field : fields) {
            Field which = Field.byKey(field.name());
            if (which != null && known.putIfAbsent(which, field) != null) {
                throw new InviteException(MALFORMED, "the invite link has " + which.label() + " twice");
            }
        }
        if (!known.containsKey(Field.VERSION)) {
            throw noVersion(fragment, known);
        }
        if (text.length() > MAX_LINK_CHARS) {
            throw new InviteException(MALFORMED, "the text is too long to be a Parley invite");
        }
        RawField last = fields.getLast();
        boolean endsWithAmpersand = fragment.endsWith("&");
        checkVersion(known.get(Field.VERSION), !endsWithAmpersand && last == known.get(Field.VERSION));
        checkBase(text.substring(0, hash));
        if (endsWithAmpersand || looksCutOff(last)) {
            throw new InviteException(TRUNCATED, CUT_OFF);
        }
        Map<Field, String> values = decode(known);
        return build(values, webBase(text.substring(0, hash)));
    }

    private boolean hasAppBase() {
        return text.regionMatches(true, 0, InviteLink.APP_BASE, 0, InviteLink.APP_BASE.length());
    }

    private static InviteException notAnInvite() {
        return new InviteException(NOT_AN_INVITE, "this is not a Parley invite");
    }

    private static List<RawField> split(String fragment) {
        List<RawField> fields = new ArrayList<>();
        for (String section : fragment.split("&")) {
            if (section.isEmpty()) {
                continue; // as URLSearchParams does
            }
            int equals = section.indexOf('=');
            fields.add(equals < 0
                    ? new RawField(section, null)
                    : new RawField(section.substring(0, equals), section.substring(equals + 1)));
        }
        return fields;
    }

    private InviteException noVersion(String fragment, Map<Field, RawField> known) {
        String start = "parley=" + InviteLink.VERSION;
        if (start.startsWith(fragment) && (hasAppBase() || fragment.length() >= 4)) {
            return new InviteException(TRUNCATED, CUT_OFF);
        }
        if (known.containsKey(Field.INBOX) || known.containsKey(Field.KEY)) {
            return new InviteException(MISSING_FIELD, Field.VERSION.label() + " is missing; copy the whole link");
        }
        return notAnInvite();
    }

    private static void checkVersion(RawField version, boolean isLast) throws InviteException {
        String value = version.value();
        if ((value == null || value.isEmpty()) && isLast) {
            throw new InviteException(TRUNCATED, CUT_OFF);
        }
        if (Integer.toString(InviteLink.VERSION).equals(value)) {
            return;
        }
        if (value != null && NEWER_VERSION.matcher(value).matches()) {
            throw new InviteException(UNSUPPORTED_VERSION, "this invite needs a newer Parley (version " + value + ")");
        }
        throw new InviteException(MALFORMED, Field.VERSION.label() + " must be " + InviteLink.VERSION);
    }

    private void checkBase(String base) throws InviteException {
        if (base.equalsIgnoreCase(InviteLink.APP_BASE)) {
            return;
        }
        try {
            URI uri = new URI(base);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below, with the same words as a wrong scheme
        }
        throw new InviteException(MALFORMED, "the invite link must start with https:// or " + InviteLink.APP_BASE);
    }

    /** True when the last field is one that a cut while copying would leave behind; see {@link InviteLink#parse}. */
    private static boolean looksCutOff(RawField last) {
        String raw = last.value() == null ? last.name() : last.name() + "=" + last.value();
        if (TRAILING_ESCAPE.matcher(raw).matches()) {
            return true;
        }
        if (last.value() == null) {
            for (Field field : Field.values()) {
                if (field.key.startsWith(last.name())) {
                    return true;
                }
            }
            return false;
        }
        Field field = Field.byKey(last.name());
        if (field == null) {
            return false;
        }
        String value = last.value();
        if (value.isEmpty()) {
            return field != Field.NAME;
        }
        return switch (field) {
            case INBOX, KEY -> BASE64URL_PREFIX.matcher(value).matches();
            case EXPIRY -> SHORT_NUMBER.matcher(value).matches();
            case WEB_BROKER -> isProperPrefix(value, "wss://");
            case BROKER -> isProperPrefix(value, "mqtts://");
            case NAME -> decodeOrNull(value) instanceof String name && name.endsWith("\uFFFD");
            case VERSION -> false;
        };
    }

    private static boolean isProperPrefix(String rawValue, String full) {
        String value = decodeOrNull(rawValue);
        return value != null && value.length() < full.length()
                && full.startsWith(value.toLowerCase(Locale.ROOT));
    }

    private static String decodeOrNull(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<Field, String> decode(Map<Field, RawField> known) throws InviteException {
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (Map.Entry<Field, RawField> entry : known.entrySet()) {
            String raw = entry.getValue().value();
            String value = raw == null ? null : decodeOrNull(raw);
            if (value == null) {
                throw new InviteException(MALFORMED, entry.getKey().label() + " is not written correctly (a broken"
                        + (raw == null ? " field without =" : " %-escape") + ")");
            }
            values.put(entry.getKey(), value);
        }
        return values;
    }

    /** The base as a URI when it is https (checked already); empty for {@value InviteLink#APP_BASE}. */
    private static Optional<URI> webBase(String base) {
        try {
            return base.equalsIgnoreCase(InviteLink.APP_BASE) ? Optional.empty() : Optional.of(new URI(base));
        } catch (URISyntaxException e) {
            return Optional.empty(); // unreachable: checkBase refused it
        }
    }

    private Invite build(Map<Field, String> values, Optional<URI> base) throws InviteException {
        for (Field required : List.of(Field.INBOX, Field.KEY, Field.EXPIRY)) {
            if (!values.containsKey(required)) {
                throw new InviteException(MISSING_FIELD, required.label() + " is missing; copy the whole link");
            }
        }
        InboxId inbox;
        ChatKey key;
        try {
            inbox = InboxId.of(Field.INBOX.label(), values.get(Field.INBOX));
            key = ChatKey.of(Field.KEY.label(), values.get(Field.KEY));
        } catch (IllegalArgumentException e) {
            throw new InviteException(BAD_FIELD, e.getMessage()); // names the field, never shows the value
        }
        String expiry = values.get(Field.EXPIRY);
        if (!NUMBER.matcher(expiry).matches()) {
            throw new InviteException(BAD_FIELD, Field.EXPIRY.label() + " must be a whole number of seconds since 1970");
        }
        Optional<URI> wss = brokerUrl(values, Field.WEB_BROKER);
        Optional<String> wssProblem = wss.flatMap(BrokerUrls::wssProblem);
        if (wssProblem.isPresent()) {
            throw new InviteException(BAD_FIELD, Field.WEB_BROKER.label() + " " + wssProblem.get());
        }
        if (wss.isEmpty() && base.isPresent()) {
            wss = ShortForms.impliedWss(base.get());
        }
        Optional<URI> mqtts = brokerUrl(values, Field.BROKER);
        Optional<String> mqttsProblem = mqtts.flatMap(BrokerUrls::mqttsProblem);
        if (mqttsProblem.isPresent()) {
            throw new InviteException(BAD_FIELD, Field.BROKER.label() + " " + mqttsProblem.get());
        }
        if (wss.isEmpty() && mqtts.isEmpty()) {
            throw new InviteException(MISSING_FIELD, "the invite has no broker address (b or m)");
        }
        Optional<String> name = Optional.ofNullable(values.get(Field.NAME)).filter(n -> !n.isEmpty());
        Optional<String> nameProblem = name.flatMap(DisplayNames::problem);
        if (nameProblem.isPresent()) {
            throw new InviteException(BAD_FIELD, Field.NAME.label() + " " + nameProblem.get());
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(expiry));
        Instant now = clock.instant();
        if (expires.isAfter(now.plus(Invite.MAX_LIFETIME))) {
            throw new InviteException(MALFORMED, Field.EXPIRY.label() + " is more than "
                    + Invite.MAX_LIFETIME.toDays() + " days away; Parley invites last at most that long");
        }
        if (!expires.isAfter(now)) {
            throw new InviteException(EXPIRED,
                    "this invite expired at " + EXPIRY_FORMAT.withZone(clock.getZone()).format(expires));
        }
        return new Invite(inbox, key, wss, mqtts.map(ShortForms::withPort), name, expires);
    }

    private static Optional<URI> brokerUrl(Map<Field, String> values, Field field) throws InviteException {
        String value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(value));
        } catch (URISyntaxException e) {
            throw new InviteException(BAD_FIELD, field.label() + " is not a valid URL");
        }
    }
}
