package parley.app;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.swing.JTextField;
import parley.ui.kit.EmojiFont;
import parley.ui.kit.Looks;

/**
 * Run by {@link ImageIT} in a runtime (the image's or the JDK's), headless: paints a plain Swing text field in
 * Parley's look holding three emoji, and one holding as many code points no font has (drawn as the missing-glyph
 * box), and prints how many pixels differ: zero means the field draws emoji as boxes. Also prints the family of
 * the font the message views draw emoji with (the image reads it from {@code lib/fonts/fallback}). With a file
 * name as its argument, saves the emoji field there as a PNG.
 */
public final class TextFieldEmojiProbe {
    private static final String EMOJI = "\uD83D\uDC4D\uD83C\uDF89\uD83D\uDE80"; // thumbs up, party popper, rocket
    private static final String MISSING = "\uDBFF\uDFFD".repeat(3); // U+10FFFD, private use: in no font

    private TextFieldEmojiProbe() {}

    public static void main(String[] args) throws IOException {
        Looks.install(false);
        BufferedImage emoji = paint(EMOJI);
        BufferedImage missing = paint(MISSING);
        int differing = 0;
        for (int y = 0; y < Math.min(emoji.getHeight(), missing.getHeight()); y++) {
            for (int x = 0; x < Math.min(emoji.getWidth(), missing.getWidth()); x++) {
                if (emoji.getRGB(x, y) != missing.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        System.out.println("field-font=" + new JTextField().getFont().getFamily());
        System.out.println("emoji-font=" + EmojiFont.family());
        System.out.println("differing-pixels=" + differing);
        if (args.length == 1) {
            ImageIO.write(emoji, "png", new File(args[0]));
        }
    }

    private static BufferedImage paint(String text) {
        JTextField field = new JTextField(text, 12);
        field.setSize(field.getPreferredSize());
        BufferedImage image = new BufferedImage(field.getWidth(), field.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            field.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }
}
