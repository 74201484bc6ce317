package parley.invite.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.invite.Invite;
import parley.invite.InviteFixtures;
import parley.invite.InviteLink;

class QrCodesTest {
    static final String LINK = InviteLink.format(InviteFixtures.invite(), Optional.of(InviteFixtures.WEB_BASE));

    @Test
    void aLinkRenderedAtFourPixelsPerModuleDecodesBack() {
        assertThat(QrDecoder.decode(QrCodes.render(LINK, 4))).isEqualTo(new QrScan.Found(List.of(LINK)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void renderDrawsEachModuleAsAnExactSquareWithAQuietZoneOfFour(int pixelsPerModule) {
        int version = QrCodes.version(LINK);
        int modules = 17 + 4 * version;
        BufferedImage image = QrCodes.render(LINK, pixelsPerModule);
        assertThat(image.getWidth()).isEqualTo((modules + 8) * pixelsPerModule);
        assertThat(image.getHeight()).isEqualTo(image.getWidth());
        BitMatrix matrix = QrCodes.encode(LINK);
        assertThat(matrix.getWidth()).isEqualTo(modules + 8);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean dark = matrix.get(x / pixelsPerModule, y / pixelsPerModule);
                assertThat(image.getRGB(x, y) & 0xFFFFFF).isEqualTo(dark ? 0x000000 : 0xFFFFFF);
            }
        }
        for (int i = 0; i < 4; i++) { // quiet zone: all four sides light
            for (int j = 0; j < matrix.getWidth(); j++) {
                assertThat(matrix.get(i, j) || matrix.get(j, i)
                        || matrix.get(matrix.getWidth() - 1 - i, j) || matrix.get(j, matrix.getWidth() - 1 - i))
                        .isFalse();
            }
        }
    }

    @Test
    void renderToFitPicksTheLargestWholePixelsPerModule() {
        int side = QrCodes.encode(LINK).getWidth();
        assertThat(QrCodes.renderToFit(LINK, side * 5 + side - 1).getWidth()).isEqualTo(side * 5);
        assertThat(QrCodes.renderToFit(LINK, side * 5).getWidth()).isEqualTo(side * 5);
        assertThat(QrCodes.renderToFit(LINK, 10).getWidth()).isEqualTo(side);
    }

    @Test
    void refusesZeroPixelsPerModule() {
        assertThatThrownBy(() -> QrCodes.render(LINK, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pixels per module");
    }

    @Test
    void refusesTextTooLongForAnyCode() {
        assertThatThrownBy(() -> QrCodes.encode("x".repeat(5000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long for a QR code");
    }

    @Test
    void aMaximumLengthLinkStillDecodesAtFourPixelsPerModule() {
        String many = "Élodie-Françoise Müller-Lüdenscheidt 日本語の名前 😀🎉👍 ".repeat(2);
        String name = many.substring(0, 60) + "ÅØÆ!";
        assertThat(name).hasSize(64);
        Invite invite = new Invite(InboxId.random(), ChatKey.random(),
                Optional.of(URI.create("wss://broker.my-family-example.org/mqtt")),
                Optional.of(URI.create("mqtts://broker.my-family-example.org:8883")),
                Optional.of(name), Instant.ofEpochSecond(4_000_000_000L));
        String link = InviteLink.format(invite, Optional.of(URI.create("https://chat.my-family-example.org/")));
        int version = QrCodes.version(link);
        System.out.printf("max-length invite link: %d characters, QR version %d (%d modules + quiet zone)%n",
                link.length(), version, 17 + 4 * version);
        BufferedImage image = QrCodes.render(link, 4);
        assertThat(QrDecoder.decode(image)).isEqualTo(new QrScan.Found(List.of(link)));
        assertThat(version).isLessThanOrEqualTo(25);
    }

    @Test
    void terminalOutputHasTwoModuleRowsPerLineAndOnlyHalfBlocks() {
        int side = QrCodes.encode(LINK).getWidth();
        String[] lines = QrCodes.toTerminal(LINK).split("\n");
        assertThat(lines).hasSize((side + 1) / 2);
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(side).matches("[▀▄█ ]+"));
        // the quiet zone is light: painted on a dark terminal, blank when inverted
        assertThat(lines[0]).isEqualTo("█".repeat(side));
        assertThat(QrCodes.toTerminal(LINK, true).split("\n")[0]).isEqualTo(" ".repeat(side));
    }

    @Test
    void terminalOutputScansOnADarkTerminal() {
        BufferedImage screen = rasterise(QrCodes.toTerminal(LINK), 0xE0E0E0, 0x101010);
        assertThat(QrDecoder.decode(screen)).isEqualTo(new QrScan.Found(List.of(LINK)));
        assertThat(isLightAt(screen, MARGIN + 1, MARGIN + 1)).as("quiet zone light on a dark terminal").isTrue();
    }

    @Test
    void invertedTerminalOutputScansOnALightTerminal() {
        BufferedImage screen = rasterise(QrCodes.toTerminal(LINK, true), 0x101010, 0xF8F8F8);
        assertThat(QrDecoder.decode(screen)).isEqualTo(new QrScan.Found(List.of(LINK)));
        assertThat(isLightAt(screen, MARGIN + 1, MARGIN + 1)).isTrue();
    }

    /** The terminal's own background around the printed code. */
    private static final int MARGIN = 40;

    private static boolean isLightAt(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFF) > 0x80;
    }

    /** Draws terminal text as a terminal would: 4 px wide cells, 8 px high, each half a module row. */
    static BufferedImage rasterise(String terminal, int foreground, int background) {
        String[] lines = terminal.split("\n");
        int cell = 4;
        int margin = MARGIN;
        BufferedImage image = new BufferedImage(lines[0].length() * cell + 2 * margin,
                lines.length * 2 * cell + 2 * margin, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, background);
            }
        }
        for (int row = 0; row < lines.length; row++) {
            for (int col = 0; col < lines[row].length(); col++) {
                char c = lines[row].charAt(col);
                boolean top = c == '█' || c == '▀';
                boolean bottom = c == '█' || c == '▄';
                for (int dy = 0; dy < 2 * cell; dy++) {
                    boolean painted = dy < cell ? top : bottom;
                    for (int dx = 0; dx < cell; dx++) {
                        image.setRGB(margin + col * cell + dx, margin + row * 2 * cell + dy,
                                painted ? foreground : background);
                    }
                }
            }
        }
        return image;
    }
}
