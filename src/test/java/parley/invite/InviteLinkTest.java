package parley.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static parley.invite.InviteException.Problem.BAD_FIELD;
import static parley.invite.InviteException.Problem.EXPIRED;
import static parley.invite.InviteException.Problem.MALFORMED;
import static parley.invite.InviteException.Problem.MISSING_FIELD;
import static parley.invite.InviteException.Problem.NOT_AN_INVITE;
import static parley.invite.InviteException.Problem.TRUNCATED;
import static parley.invite.InviteException.Problem.UNSUPPORTED_VERSION;
import static parley.invite.InviteFixtures.CLOCK;
import static parley.invite.InviteFixtures.EXPIRES;
import static parley.invite.InviteFixtures.INBOX;
import static parley.invite.InviteFixtures.KEY;
import static parley.invite.InviteFixtures.MQTTS;
import static parley.invite.InviteFixtures.NOW;
import static parley.invite.InviteFixtures.WEB_BASE;
import static parley.invite.InviteFixtures.WSS;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InviteLinkTest {
    private static final String I = INBOX.value();
    private static final String K = KEY.passphrase();
    private static final long X = EXPIRES.getEpochSecond();

    /** A link with the given fragment after an https base. */
    private static String link(String fragment) {
        return "https://chat.example.org/#" + fragment;
    }

    private static String valid(String extra) {
        return link("parley=1&i=" + I + "&k=" + K + "&b=wss://chat.example.org/mqtt" + extra + "&x=" + X);
    }

    private static InviteException refused(String link) {
        return catchThrowableOfType(InviteException.class, () -> InviteLink.parse(link, CLOCK));
    }

    static Stream<Arguments> everyCombination() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (Optional<URI> wss : List.of(Optional.of(WSS), Optional.<URI>empty())) {
            for (Optional<URI> mqtts : List.of(Optional.of(MQTTS), Optional.<URI>empty())) {
                if (wss.isEmpty() && mqtts.isEmpty()) {
                    continue;
                }
                for (Optional<String> name : List.of(Optional.of("Alice"), Optional.<String>empty())) {
                    for (Optional<URI> base : List.of(Optional.of(WEB_BASE), Optional.<URI>empty())) {
                        all.add(Arguments.of(new Invite(INBOX, KEY, wss, mqtts, name, EXPIRES), base));
                    }
                }
            }
        }
        return all.build();
    }

    @ParameterizedTest
    @MethodSource("everyCombination")
    void roundTripsWithOptionalFieldsPresentOrAbsent(Invite invite, Optional<URI> base) throws Exception {
        String link = InviteLink.format(invite, base);
        assertThat(link).startsWith(base.map(URI::toString).orElse("parley:") + "#parley=1&i=");
        // the fixtures' wss is the one the web base implies: a link under that base leaves it out
        assertThat(link.contains("&b=")).isEqualTo(invite.wss().isPresent() && base.isEmpty());
        assertThat(link.contains("&m=")).isEqualTo(invite.mqtts().isPresent());
        assertThat(link.contains("&n=")).isEqualTo(invite.name().isPresent());
        Invite expected = base.isPresent() ? new Invite(INBOX, KEY, Optional.of(WSS), invite.mqtts(), invite.name(),
                EXPIRES) : invite;
        assertThat(InviteLink.parse(link, CLOCK)).isEqualTo(expected);
    }

    @Test
    void aLinkUnderTheWebClientsOriginLeavesOutItsWssAndTheDefaultPort() throws Exception {
        String link = InviteLink.format(InviteFixtures.invite(), Optional.of(WEB_BASE));
        assertThat(link).isEqualTo("https://chat.example.org/#parley=1&i=" + I + "&k=" + K
                + "&m=mqtts://chat.example.org&n=Alice&x=" + X);
        assertThat(InviteLink.parse(link, CLOCK)).isEqualTo(InviteFixtures.invite());
    }

    @Test
    void oldLongLinksStillParseToTheSameInvite() throws Exception {
        String old = "https://chat.example.org/#parley=1&i=" + I + "&k=" + K + "&b=wss://chat.example.org/mqtt"
                + "&m=mqtts://chat.example.org:8883&n=Alice&x=" + X;
        assertThat(InviteLink.parse(old, CLOCK)).isEqualTo(InviteFixtures.invite());
    }

    @Test
    void aWssOnAnotherHostPortOrPathIsWrittenOut() throws Exception {
        for (String wss : List.of("wss://other.example.org/mqtt", "wss://chat.example.org:8443/mqtt",
                "wss://chat.example.org/broker")) {
            Invite invite = new Invite(INBOX, KEY, Optional.of(URI.create(wss)), Optional.empty(), Optional.empty(),
                    EXPIRES);
            String link = InviteLink.format(invite, Optional.of(WEB_BASE));
            assertThat(link).as(wss).contains("&b=" + wss);
            assertThat(InviteLink.parse(link, CLOCK)).isEqualTo(invite);
        }
    }

    @Test
    void theImpliedWssKeepsTheBasesPortAndLowerCasesItsHost() throws Exception {
        String link = "https://Chat.Example.org:8443/app/#parley=1&i=" + I + "&k=" + K + "&x=" + X;
        assertThat(InviteLink.parse(link, CLOCK).wss()).contains(URI.create("wss://chat.example.org:8443/mqtt"));
        String at443 = "https://chat.example.org:443/#parley=1&i=" + I + "&k=" + K + "&x=" + X;
        assertThat(InviteLink.parse(at443, CLOCK).wss()).contains(WSS);
    }

    @Test
    void anAppLinkWithoutBHasNoWssAndAnMqttsWithoutPortMeans8883() throws Exception {
        Invite invite = InviteLink.parse("parley:#parley=1&i=" + I + "&k=" + K + "&m=mqtts://chat.example.org&x="
                + X, CLOCK);
        assertThat(invite.wss()).isEmpty();
        assertThat(invite.mqtts()).contains(MQTTS);
        Invite otherPort = InviteLink.parse("parley:#parley=1&i=" + I + "&k=" + K
                + "&m=mqtts://chat.example.org:1883&x=" + X, CLOCK);
        assertThat(otherPort.mqtts()).contains(URI.create("mqtts://chat.example.org:1883"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice Smith", "Tom & Jerry", "#1 fan", "a=b", "Zoë 😀🎉", "100% + more", "👨‍👩‍👧 family"})
    void namesWithSpecialCharactersRoundTrip(String name) throws Exception {
        Invite invite = InviteFixtures.invite(Optional.of(name));
        String link = InviteLink.format(invite, Optional.of(WEB_BASE));
        assertThat(link.indexOf('#')).isEqualTo(link.lastIndexOf('#'));
        assertThat(InviteLink.parse(link, CLOCK).name()).contains(name);
    }

    @Test
    void formatLeavesColonAndSlashLiteralToKeepTheCodeSmall() {
        String link = InviteLink.format(InviteFixtures.invite(), Optional.empty());
        assertThat(link).isEqualTo("parley:#parley=1&i=" + I + "&k=" + K + "&b=wss://chat.example.org/mqtt"
                + "&m=mqtts://chat.example.org&n=Alice&x=" + X);
    }

    @Test
    void formatRefusesAWebBaseThatIsNotHttps() {
        assertThatThrownBy(() -> InviteLink.format(InviteFixtures.invite(),
                Optional.of(URI.create("http://chat.example.org/")))).hasMessageContaining("https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"  %s  ", "%s\n", "\t%s\r\n", "\n\n%s \n"})
    void acceptsALinkPastedWithWhitespace(String pasted) throws Exception {
        String link = InviteLink.format(InviteFixtures.invite(), Optional.of(WEB_BASE));
        assertThat(InviteLink.parse(pasted.formatted(link), CLOCK)).isEqualTo(InviteFixtures.invite());
    }

    @Test
    void acceptsFormEncodedColonsAndSlashesAsBrowsersWriteThem() throws Exception {
        String link = link("parley=1&i=" + I + "&k=" + K + "&b=wss%3A%2F%2Fchat.example.org%2Fmqtt&x=" + X);
        assertThat(InviteLink.parse(link, CLOCK).wss()).contains(WSS);
    }

    @Test
    void ignoresUnknownFields() throws Exception {
        assertThat(InviteLink.parse(valid("&future=1&future=2&z"), CLOCK).inbox()).isEqualTo(INBOX);
    }

    @Test
    void readsAnEmptyNameAsNoName() throws Exception {
        assertThat(InviteLink.parse(valid("&n="), CLOCK).name()).isEmpty();
    }

    @Test
    void refusesARandomUrlAsNotAnInvite() {
        InviteException e = refused("https://example.com/docs/page.html#section-2");
        assertThat(e.problem()).isEqualTo(NOT_AN_INVITE);
        assertThat(e).hasMessage("this is not a Parley invite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WIFI:S:home;T:WPA;P:secret;;", "parley-safety:1:12345678901234567890", "hello", "", "https://example.com/"})
    void refusesOtherQrContentAsNotAnInvite(String text) {
        assertThat(refused(text).problem()).isEqualTo(NOT_AN_INVITE);
    }

    @Test
    void refusesMissingVersion() {
        InviteException e = refused(link("i=" + I + "&k=" + K + "&b=wss://chat.example.org/&x=" + X));
        assertThat(e.problem()).isEqualTo(MISSING_FIELD);
        assertThat(e).hasMessageContaining("version (parley)");
    }

    @Test
    void refusesVersionTwoAsNeedingANewerParley() {
        InviteException e = refused(valid("").replace("parley=1", "parley=2"));
        assertThat(e.problem()).isEqualTo(UNSUPPORTED_VERSION);
        assertThat(e).hasMessage("this invite needs a newer Parley (version 2)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "x", "01", "-1", "1.0"})
    void refusesAVersionThatIsNotAPositiveNumber(String version) {
        InviteException e = refused(valid("").replace("parley=1", "parley=" + version));
        assertThat(e.problem()).isEqualTo(MALFORMED);
        assertThat(e).hasMessageContaining("version (parley) must be 1");
    }

    @Test
    void refusesMissingInbox() {
        InviteException e = refused(valid("").replace("&i=" + I, ""));
        assertThat(e.problem()).isEqualTo(MISSING_FIELD);
        assertThat(e).hasMessageContaining("the invite's inbox (i) is missing");
    }

    @Test
    void refusesMissingKey() {
        InviteException e = refused(valid("").replace("&k=" + K, ""));
        assertThat(e.problem()).isEqualTo(MISSING_FIELD);
        assertThat(e).hasMessageContaining("the invite's key (k) is missing");
    }

    @Test
    void refusesMissingExpiry() {
        InviteException e = refused(valid("").replace("&x=" + X, "&n=Bob"));
        assertThat(e.problem()).isEqualTo(MISSING_FIELD);
        assertThat(e).hasMessageContaining("the invite's expiry time (x) is missing");
    }

    @Test
    void refusesAnInboxOf41Characters() {
        InviteException e = refused(valid("").replace(I, I.substring(0, 41)));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessage("the invite's inbox (i) must be 43 base64url characters, not 41");
    }

    @Test
    void refusesAnInboxWithPlus() {
        InviteException e = refused(valid("").replace(I, "+" + I.substring(1)));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessageContaining("the invite's inbox (i) has characters outside base64url");
    }

    @Test
    void refusesAnInboxWithSlash() {
        InviteException e = refused(valid("").replace(I, "/" + I.substring(1)));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessageContaining("the invite's inbox (i) has characters outside base64url");
    }

    @Test
    void refusesAKeyOfWrongLengthWithoutShowingIt() {
        String badKey = K + "AA";
        InviteException e = refused(valid("").replace(K, badKey));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessage("the invite's key (k) must be 43 base64url characters, not 45");
        assertThat(e.getMessage()).doesNotContain(badKey);
    }

    @Test
    void refusesANonCanonicalKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String flipped = K.substring(0, 42) + alphabet.charAt(alphabet.indexOf(K.charAt(42)) + 1);
        InviteException e = refused(valid("").replace(K, flipped));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessageContaining("the invite's key (k) is not canonical");
    }

    @Test
    void refusesAnExpiryThatIsNotANumber() {
        InviteException e = refused(valid("").replace("&x=" + X, "&x=tomorrow"));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessageContaining("the invite's expiry time (x) must be a whole number of seconds");
    }

    @Test
    void refusesAnExpiredInviteSayingWhen() {
        long past = NOW.minus(Duration.ofHours(2)).getEpochSecond();
        InviteException e = refused(valid("").replace("&x=" + X, "&x=" + past));
        assertThat(e.problem()).isEqualTo(EXPIRED);
        assertThat(e).hasMessage("this invite expired at 2026-11-25 10:00 UTC");
    }

    @Test
    void refusesAnInviteExpiringThisSecond() {
        InviteException e = refused(valid("").replace("&x=" + X, "&x=" + NOW.getEpochSecond()));
        assertThat(e.problem()).isEqualTo(EXPIRED);
    }

    @Test
    void refusesAnExpiryMoreThan30DaysAway() {
        long far = NOW.plus(Duration.ofDays(31)).getEpochSecond();
        InviteException e = refused(valid("").replace("&x=" + X, "&x=" + far));
        assertThat(e.problem()).isEqualTo(MALFORMED);
        assertThat(e).hasMessageContaining("the invite's expiry time (x) is more than 30 days away");
    }

    @Test
    void acceptsAnExpiryExactly30DaysAway() throws Exception {
        long edge = NOW.plus(Duration.ofDays(30)).getEpochSecond();
        assertThat(InviteLink.parse(valid("").replace("&x=" + X, "&x=" + edge), CLOCK).expires())
                .isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void refusesAWebBrokerThatIsNotWss() {
        InviteException e = refused(valid("").replace("b=wss://", "b=https://"));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessage("the invite's web broker address (b) must be a wss:// URL");
    }

    @Test
    void refusesAWebBrokerThatIsNotAUrl() {
        InviteException e = refused(valid("").replace("b=wss://chat.example.org/mqtt", "b=wss://a b"));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessageContaining("web broker address (b) is not a valid URL");
    }

    @Test
    void refusesABrokerWithPahoSslScheme() {
        InviteException e = refused(valid("&m=ssl://chat.example.org:8883"));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessage("the invite's broker address (m) must use mqtts://, not ssl://");
    }

    @Test
    void refusesABrokerWithPlainTcp() {
        InviteException e = refused(valid("&m=tcp://chat.example.org:1883"));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessage("the invite's broker address (m) must use mqtts://, not tcp://");
    }

    @Test
    void refusesAnInviteWithoutAnyBroker() {
        // under an https base a missing b is the implied one; only a parley: link can have no broker at all
        InviteException e = refused("parley:#parley=1&i=" + I + "&k=" + K + "&x=" + X);
        assertThat(e.problem()).isEqualTo(MISSING_FIELD);
        assertThat(e).hasMessage("the invite has no broker address (b or m)");
    }

    @Test
    void refusesADuplicateField() {
        InviteException e = refused(valid("&k=" + K));
        assertThat(e.problem()).isEqualTo(MALFORMED);
        assertThat(e).hasMessage("the invite link has the invite's key (k) twice");
    }

    @Test
    void refusesANameThatIsTooLong() {
        InviteException e = refused(valid("&n=" + "a".repeat(65)));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessage("the invite's name (n) is longer than 64 characters");
    }

    @Test
    void refusesANameWithControlCharacters() {
        InviteException e = refused(valid("&n=Ali%0Ace"));
        assertThat(e.problem()).isEqualTo(BAD_FIELD);
        assertThat(e).hasMessage("the invite's name (n) contains control characters");
    }

    @Test
    void refusesABrokenEscapeInsideTheLink() {
        InviteException e = refused(valid("&n=100%zz"));
        assertThat(e.problem()).isEqualTo(MALFORMED);
        assertThat(e).hasMessageContaining("the invite's name (n) is not written correctly");
    }

    @Test
    void refusesAPlainHttpBase() {
        InviteException e = refused(valid("").replace("https://", "http://"));
        assertThat(e.problem()).isEqualTo(MALFORMED);
        assertThat(e).hasMessage("the invite link must start with https:// or parley:");
    }

    @Test
    void refusesAHugeText() {
        InviteException e = refused(valid("&pad=" + "a".repeat(10_000)));
        assertThat(e.problem()).isEqualTo(MALFORMED);
        assertThat(e).hasMessageContaining("too long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"&", "&x=", "&x", "&x=17", "&n=Zo%C3", "&n=Zo%", "&n=Zo%C"})
    void refusesACutOffEndAsTruncated(String end) {
        String cut = valid("").replace("&x=" + X, end);
        InviteException e = refused(cut);
        assertThat(e.problem()).as(cut).isEqualTo(TRUNCATED);
        assertThat(e).hasMessage("the invite link looks cut off; copy the whole link");
    }

    @Test
    void refusesAKeyCutShortAtTheEndAsTruncated() {
        assertThat(refused(link("parley=1&i=" + I + "&k=" + K.substring(0, 20))).problem()).isEqualTo(TRUNCATED);
    }

    @Test
    void refusesAnInboxCutShortAtTheEndAsTruncated() {
        assertThat(refused(link("parley=1&i=" + I.substring(0, 42))).problem()).isEqualTo(TRUNCATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"parley:", "parley:#", "parley:#parl", "https://chat.example.org/#parley="})
    void refusesALinkCutInItsFirstCharactersAsTruncated(String cut) {
        assertThat(refused(cut).problem()).isEqualTo(TRUNCATED);
    }

    @Test
    void aLinkCutAnywhereIsRefusedWithAHelpfulMessage() {
        Invite invite = InviteFixtures.invite(Optional.of("Zoë 😀 & friends"));
        String link = InviteLink.format(invite, Optional.of(WEB_BASE));
        int fragmentStart = link.indexOf("#parley=1&") + "#parley=1&".length();
        var seen = EnumSet.noneOf(InviteException.Problem.class);
        for (int end = 1; end < link.length(); end++) {
            String cut = link.substring(0, end);
            InviteException e = refused(cut); // fails the test if anything else is thrown or nothing at all
            assertThat(e).as(cut).isNotNull();
            assertThat(e.getMessage()).as(cut).isNotBlank().doesNotContain(K);
            var allowed = end >= fragmentStart
                    ? EnumSet.of(TRUNCATED, MISSING_FIELD, BAD_FIELD)
                    : EnumSet.of(TRUNCATED, MISSING_FIELD, NOT_AN_INVITE);
            assertThat(e.problem()).as(cut).isIn(allowed);
            if (e.problem() == MISSING_FIELD) {
                assertThat(e.getMessage()).as(cut).contains("copy the whole link");
            }
            seen.add(e.problem());
        }
        assertThat(seen).contains(TRUNCATED, MISSING_FIELD);
    }
}
