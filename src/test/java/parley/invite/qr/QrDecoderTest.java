package parley.invite.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class QrDecoderTest {
    private static final String LINK = QrCodesTest.LINK;

    @Test
    void findsACodeAtFourPixelsPerModuleOnABusyFullHdScreen() {
        BufferedImage screen = new SyntheticScreen(1920, 1080, 1).with(QrCodes.render(LINK, 4), 1137, 403).image();
        assertThat(QrDecoder.decode(screen)).isEqualTo(new QrScan.Found(List.of(LINK)));
    }

    @Test
    void findsACodeAtFourPixelsPerModuleOnABusy4kScreen() {
        BufferedImage screen = new SyntheticScreen(3840, 2160, 2).with(QrCodes.render(LINK, 4), 2901, 1333).image();
        assertThat(QrDecoder.decode(screen)).isEqualTo(new QrScan.Found(List.of(LINK)));
    }

    @Test
    void findsTwoCodesOnOneScreenInReadingOrder() {
        String other = "parley-safety:1:12345678901234567890";
        BufferedImage screen = new SyntheticScreen(1920, 1080, 3)
                .with(QrCodes.render(other, 5), 1201, 97)
                .with(QrCodes.render(LINK, 4), 151, 561)
                .image();
        assertThat(QrDecoder.decode(screen)).isEqualTo(new QrScan.Found(List.of(other, LINK)));
    }

    @Test
    void findsALightOnDarkCode() {
        BufferedImage code = QrCodes.render(LINK, 4);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                code.setRGB(x, y, ~code.getRGB(x, y) & 0xFFFFFF);
            }
        }
        BufferedImage screen = new SyntheticScreen(1920, 1080, 4).with(code, 333, 211).image();
        assertThat(QrDecoder.decode(screen)).isEqualTo(new QrScan.Found(List.of(LINK)));
    }

    @Test
    void reportsNotFoundForAScreenWithoutACode() {
        assertThat(QrDecoder.decode(new SyntheticScreen(1920, 1080, 5).image())).isEqualTo(new QrScan.NotFound());
    }

    @Test
    void readsImagesOfOtherPixelFormats() {
        BufferedImage code = QrCodes.render(LINK, 4);
        BufferedImage binary = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        binary.createGraphics().drawImage(code, 0, 0, null);
        assertThat(QrDecoder.decode(binary)).isEqualTo(new QrScan.Found(List.of(LINK)));
    }

    @Test
    void foundNeverShowsTheTexts() {
        assertThat(new QrScan.Found(List.of(LINK)).toString()).doesNotContain("k=");
    }
}
