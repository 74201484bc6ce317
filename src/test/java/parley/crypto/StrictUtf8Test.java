package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Test {
    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "é ü ß", "\uFFFD sent on purpose", "👋🏽 emoji", "\u0000\u007f"})
    void decodesWellFormedTextAsItWasSent(String text) {
        assertThat(StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8))).contains(text);
        assertThat(StrictUtf8.encode(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c080", // overlong NUL
        "e08080", // overlong 3-byte form
        "f0808080", // overlong 4-byte form
        "eda080", // a surrogate written as UTF-8 (CESU-8)
        "f4908080", // beyond U+10FFFF
        "f888808080", // a 5-byte form
        "80", // a lone continuation byte
        "e282", // cut off mid-character
        "ff",
        "efbfbd80", // a U+FFFD that was really sent, then a malformed byte: the slow path must still refuse it
    })
    void refusesIllFormedBytes(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(StrictUtf8.decode(bytes)).isEmpty();
        byte[] framed = HexFormat.of().parseHex("41" + hex + "42");
        assertThat(StrictUtf8.decode(framed, 1, bytes.length)).isEmpty();
        assertThat(StrictUtf8.decode(framed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDC00b", "\uDBFF\uDBFF\uDC00x"})
    void refusesToEncodeALoneSurrogate(String text) {
        assertThatThrownBy(() -> StrictUtf8.encode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate at index");
    }
}
