package parley.ui.shell;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Parley's window and tray icon: a speech bubble with a "P", drawn at each size so it is crisp on HiDPI. */
final class AppIcon {
    private AppIcon() {}

    static List<BufferedImage> sizes() {
        return List.of(image(16), image(32), image(48), image(64), image(128));
    }

    static BufferedImage image(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x1a73e8));
        int body = Math.round(size * 0.82f);
        g.fillRoundRect(0, 0, size, body, size / 3, size / 3);
        g.fillPolygon(new int[] {size / 5, size / 5, size / 2}, new int[] {body - 1, size, body - 1}, 3);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(size * 0.6f)));
        var fm = g.getFontMetrics();
        g.drawString("P", (size - fm.stringWidth("P")) / 2, (body + fm.getAscent() - fm.getDescent()) / 2);
        g.dispose();
        return img;
    }
}
