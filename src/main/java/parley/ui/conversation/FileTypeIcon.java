package parley.ui.conversation;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.util.Locale;
import javax.swing.Icon;

/**
 * A file card's type icon: a page with a folded corner, coloured by the kind of file, with its extension on it
 * ("PDF", "ZIP"). Drawn, not taken from the desktop's theme: the desktop's icons need the file on disk, and the
 * received file is only in the profile. The extension comes from a friend's file name: only letters and digits,
 * at most four, are drawn.
 */
final class FileTypeIcon implements Icon {
    static final int WIDTH = 30;
    static final int HEIGHT = 38;

    private final String label;
    private final Color colour;

    FileTypeIcon(String name, String mediaType) {
        this.label = extension(name);
        this.colour = colourOf(mediaType, label);
    }

    /** The extension as drawn: upper case letters and digits, at most four; empty when there is none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "";
        }
        String ext = name.substring(dot + 1).toUpperCase(Locale.ROOT);
        return ext.length() <= 4 && ext.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? ext : "";
    }

    String label() {
        return label;
    }

    private static Color colourOf(String type, String ext) {
        if (type.startsWith("image/")) {
            return new Color(0x2e7d32);
        }
        if (type.startsWith("audio/")) {
            return new Color(0x6a1b9a);
        }
        if (type.startsWith("video/")) {
            return new Color(0xc62828);
        }
        if (type.equals("application/pdf") || ext.equals("PDF")) {
            return new Color(0xd84315);
        }
        if (type.contains("zip") || type.contains("compressed") || type.contains("tar") || type.contains("gzip")) {
            return new Color(0xef8f00);
        }
        if (type.startsWith("text/") || type.contains("document") || type.contains("msword")) {
            return new Color(0x1565c0);
        }
        return new Color(0x607d8b);
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int fold = 9;
            Polygon page = new Polygon(new int[] {x, x + WIDTH - fold, x + WIDTH, x + WIDTH, x},
                    new int[] {y, y, y + fold, y + HEIGHT, y + HEIGHT}, 5);
            g2.setColor(colour);
            g2.fillPolygon(page);
            g2.setColor(colour.brighter());
            g2.fillPolygon(new int[] {x + WIDTH - fold, x + WIDTH, x + WIDTH - fold},
                    new int[] {y, y + fold, y + fold}, 3);
            if (!label.isEmpty()) {
                Font font = c.getFont().deriveFont(Font.BOLD, label.length() > 3 ? 8f : 9f);
                g2.setFont(font);
                FontMetrics fm = g2.getFontMetrics();
                g2.setColor(Color.WHITE);
                g2.drawString(label, x + (WIDTH - fm.stringWidth(label)) / 2, y + HEIGHT - 8);
            }
        } finally {
            g2.dispose();
        }
    }

    @Override
    public int getIconWidth() {
        return WIDTH;
    }

    @Override
    public int getIconHeight() {
        return HEIGHT;
    }
}
