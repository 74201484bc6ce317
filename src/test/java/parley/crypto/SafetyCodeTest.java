package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafetyCodeTest {
    private static final ChatKey KEY = ChatKey.of("ZRBN3f2Y9dKqPr-hiwvZ0g8ntfi2v7oHbYlWqm0yvZk");
    private static final InboxId LOW = InboxId.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    private static final InboxId HIGH = InboxId.of("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzw");
    // computed with node's createHmac and BigInt (cryptojs-oracle.js, op "safety"); note the leading zero
    private static final String NODE_DIGITS = "07330336571507263162";

    @Test
    void matchesTheNodeVector() {
        assertThat(SafetyCode.of(KEY, HIGH, LOW).digits()).isEqualTo(NODE_DIGITS);
    }

    @Test
    void isTheSameWhicheverSideComputesIt() {
        InboxId a = InboxId.random();
        InboxId b = InboxId.random();
        ChatKey key = ChatKey.random();
        assertThat(SafetyCode.of(key, a, b)).isEqualTo(SafetyCode.of(key, b, a));
        assertThat(SafetyCode.of(key, a, b).digits()).isEqualTo(SafetyCode.of(key, b, a).digits());
    }

    @Test
    void dependsOnTheKey() {
        assertThat(SafetyCode.of(ChatKey.random(), LOW, HIGH).digits()).isNotEqualTo(NODE_DIGITS);
    }

    @Test
    void refusesTheSameInboxTwice() {
        assertThatThrownBy(() -> SafetyCode.of(KEY, LOW, LOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsIntoFiveGroupsOfFour() {
        assertThat(SafetyCode.of(KEY, LOW, HIGH).grouped()).isEqualTo("0733 0336 5715 0726 3162");
    }

    @Test
    void qrTextCarriesVersionAndDigits() {
        assertThat(SafetyCode.of(KEY, LOW, HIGH).qrText()).isEqualTo("parley-safety:1:" + NODE_DIGITS);
    }

    @Test
    void readsTheQrText() {
        assertThat(SafetyCode.digitsFrom("parley-safety:1:" + NODE_DIGITS)).contains(NODE_DIGITS);
    }

    @Test
    void readsGroupedDigits() {
        assertThat(SafetyCode.digitsFrom("0733 0336 5715 0726 3162")).contains(NODE_DIGITS);
    }

    @Test
    void readsDigitsWithStraySpaces() {
        assertThat(SafetyCode.digitsFrom("  07330 336571 5072 63162 ")).contains(NODE_DIGITS);
    }

    @Test
    void refusesNineteenDigits() {
        assertThat(SafetyCode.digitsFrom(NODE_DIGITS.substring(1))).isEmpty();
    }

    @Test
    void refusesTwentyOneDigits() {
        assertThat(SafetyCode.digitsFrom(NODE_DIGITS + "1")).isEmpty();
    }

    @Test
    void refusesLetters() {
        assertThat(SafetyCode.digitsFrom("0733 0336 5715 0726 316a")).isEmpty();
    }

    @Test
    void refusesNonAsciiDigits() {
        assertThat(SafetyCode.digitsFrom("٠٧٣٣٠٣٣٦٥٧١٥٠٧٢٦٣١٦٢")).isEmpty();
    }

    @Test
    void refusesAnotherQrVersion() {
        assertThat(SafetyCode.digitsFrom("parley-safety:2:" + NODE_DIGITS)).isEmpty();
    }

    @Test
    void refusesNullAndEmpty() {
        assertThat(SafetyCode.digitsFrom(null)).isEmpty();
        assertThat(SafetyCode.digitsFrom("")).isEmpty();
    }

    @Test
    void matchesScannedOrTypedForms() {
        SafetyCode code = SafetyCode.of(KEY, LOW, HIGH);
        assertThat(code.matches(NODE_DIGITS)).isTrue();
        assertThat(code.matches("0733 0336 5715 0726 3162")).isTrue();
        assertThat(code.matches("parley-safety:1:" + NODE_DIGITS)).isTrue();
    }

    @Test
    void doesNotMatchAnotherCode() {
        SafetyCode code = SafetyCode.of(KEY, LOW, HIGH);
        assertThat(code.matches("07330336571507263163")).isFalse();
        assertThat(code.matches("garbage")).isFalse();
        assertThat(code.matches(null)).isFalse();
    }

    @Test
    void toStringHidesTheDigits() {
        assertThat(SafetyCode.of(KEY, LOW, HIGH).toString()).doesNotContain(NODE_DIGITS);
    }
}
