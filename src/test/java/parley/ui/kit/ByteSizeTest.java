package parley.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void sizesInTheUnitAUserReads() {
        assertThat(ByteSize.words(0)).isEqualTo("0 bytes");
        assertThat(ByteSize.words(1)).isEqualTo("1 byte");
        assertThat(ByteSize.words(1023)).isEqualTo("1023 bytes");
        assertThat(ByteSize.words(1024)).isEqualTo("1 KB");
        assertThat(ByteSize.words(1536)).isEqualTo("1.5 KB");
        assertThat(ByteSize.words(2_516_582)).as("the protocol's example").isEqualTo("2.4 MB");
        assertThat(ByteSize.words(16L * 1024 * 1024)).isEqualTo("16 MB");
        assertThat(ByteSize.words(100L * 1024 * 1024)).isEqualTo("100 MB");
        assertThat(ByteSize.words(123_456_789)).isEqualTo("118 MB");
        assertThat(ByteSize.words(5L * 1024 * 1024 * 1024)).isEqualTo("5 GB");
    }

    @Test
    void theUnitIsChosenAfterRounding() {
        assertThat(ByteSize.words(1024 * 1024 - 1)).isEqualTo("1 MB");
        assertThat(ByteSize.words(1024 * 1024 - 30)).isEqualTo("1 MB");
        assertThat(ByteSize.words(99_950)).isEqualTo("97.6 KB");
    }

    @Test
    void twoSizesThatRoundAlikeAreToldApartInBytes() {
        long max = 100L * 1024 * 1024;
        assertThat(ByteSize.distinct(120L * 1024 * 1024, max)).containsExactly("120 MB", "100 MB");
        assertThat(ByteSize.distinct(max + 1, max)).containsExactly("104,857,601 bytes", "104,857,600 bytes");
    }

    @Test
    void aNegativeSizeIsABug() {
        assertThatThrownBy(() -> ByteSize.words(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
