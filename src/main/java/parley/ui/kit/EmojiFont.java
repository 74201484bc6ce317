package parley.ui.kit;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled monochrome Noto Emoji font (SIL OFL 1.1, {@code parley/ui/fonts/}). Swing on Linux draws colour
 * emoji as nothing and has no fallback for them, so message text names this font explicitly for emoji runs.
 * Loaded on first use (about 0.9 MB), not at start-up.
 *
 * <p>The runtime image carries the font once, in {@code lib/fonts/fallback/} (where the JDK appends it to every
 * logical font, so plain text fields draw emoji too) instead of inside the module; run from a JDK, it is the
 * module's resource.
 */
public final class EmojiFont {
    private static final String RESOURCE = "/parley/ui/fonts/NotoEmoji-Regular.ttf";
    private static final Path IN_RUNTIME = Path.of(System.getProperty("java.home"), "lib", "fonts", "fallback",
            "NotoEmoji-Regular.ttf");

    private EmojiFont() {}

    /** The family name to set on emoji runs. */
    public static String family() {
        return Holder.FONT.getFamily();
    }

    /** The emoji font in the style and size of {@code text}, to draw emoji runs beside it. */
    public static Font like(Font text) {
        return Holder.FONT.deriveFont(text.getStyle(), text.getSize2D());
    }

    /** Whether {@code codePoint} should be drawn with the emoji font. */
    static boolean isEmoji(int codePoint) {
        // joiners and presentation selectors stay with the emoji they belong to; below U+2000 are letters and digits
        return codePoint == 0x200D || codePoint == 0xFE0F || codePoint == 0x20E3
                || (codePoint >= 0x2000 && Holder.FONT.canDisplay(codePoint));
    }

    private static final class Holder {
        static final Font FONT = load();

        private static Font load() {
            try (InputStream in = open()) {
                Font font = Font.createFont(Font.TRUETYPE_FONT, in);
                GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
                return font;
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("cannot load the emoji font " + RESOURCE + ": " + e.getMessage(), e);
            }
        }

        private static InputStream open() throws IOException {
            InputStream in = EmojiFont.class.getResourceAsStream(RESOURCE);
            if (in != null) {
                return in;
            }
            if (Files.isReadable(IN_RUNTIME)) {
                return Files.newInputStream(IN_RUNTIME);
            }
            throw new IllegalStateException(RESOURCE + " is missing from the build and " + IN_RUNTIME
                    + " from the runtime");
        }
    }
}
