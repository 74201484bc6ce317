package parley.invite.qr;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** A busy desktop-like screenshot for QR tests: gradient, pixel noise, windows and lines of "text" blocks. */
final class SyntheticScreen {
    private final BufferedImage image;
    private final Graphics2D g;

    SyntheticScreen(int width, int height, long seed) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        Random random = new Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(40, 70, 120), width, height, new Color(200, 160, 90)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < width * height / 40; i++) {
            image.setRGB(random.nextInt(width), random.nextInt(height), random.nextInt(0x1000000));
        }
        for (int w = 0; w < 12; w++) {
            int x = random.nextInt(width - 200);
            int y = random.nextInt(height - 150);
            int ww = 150 + random.nextInt(width / 3);
            int wh = 100 + random.nextInt(height / 3);
            g.setColor(new Color(random.nextInt(0x1000000)));
            g.fillRect(x, y, ww, wh);
            g.setColor(random.nextBoolean() ? Color.BLACK : Color.WHITE);
            for (int line = y + 8; line < y + wh - 10; line += 14) {
                for (int wx = x + 6; wx < x + ww - 40; wx += 8 + random.nextInt(30)) {
                    g.fillRect(wx, line, 3 + random.nextInt(25), 9);
                }
            }
        }
    }

    /** Draws {@code code} at ({@code x}, {@code y}) pixel for pixel, as a window would show it. */
    SyntheticScreen with(BufferedImage code, int x, int y) {
        g.drawImage(code, x, y, null);
        return this;
    }

    BufferedImage image() {
        g.dispose();
        return image;
    }
}
