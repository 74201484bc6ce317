package parley.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MiddleEllipsisTest {
    @Test
    void aShortNameIsShownWhole() {
        assertThat(MiddleEllipsis.cut("report.pdf", 20)).isEqualTo("report.pdf");
        assertThat(MiddleEllipsis.cut("x".repeat(20), 20)).isEqualTo("x".repeat(20));
    }

    @Test
    void aLongNameKeepsItsStartAndItsExtension() {
        String name = "holiday-photos-from-the-mountains-summer-2024-final.jpg";
        String cut = MiddleEllipsis.cut(name, 24);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(24);
        assertThat(cut).isEqualTo("holiday-photos…final.jpg");
    }

    @Test
    void codePointsOutsideTheBmpAreNeverSplit() {
        String name = "😀".repeat(30) + ".png";
        String cut = MiddleEllipsis.cut(name, 10);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(10);
        assertThat(cut).isEqualTo("😀".repeat(6) + "…" + "png");
        assertThat(cut.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF)).as("no lone surrogate").isEmpty();
    }

    @Test
    void markupInANameStaysText() {
        String name = "<html><img src=http://127.0.0.1/p>" + "a".repeat(40) + ".txt";
        assertThat(MiddleEllipsis.cut(name, 20)).startsWith("<html><img s").endsWith("aaa.txt");
    }
}
