package parley.ui.kit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.UIManager;

/**
 * The mark of a verified chat (the safety codes were compared): a check in a filled circle, with or without the
 * word. Drawn, not a glyph, so that it looks the same whatever fonts the desktop has.
 */
public final class VerifiedBadge extends PlainLabel {

    /** {@code withText}: "Verified" beside the mark (the conversation header); the chat list shows the mark only. */
    public VerifiedBadge(String name, boolean withText) {
        super(withText ? "Verified" : null, new Mark(), LEADING);
        setName(name);
        setIconTextGap(4);
        getAccessibleContext().setAccessibleName("Verified");
        setToolTipText("You compared safety codes with your friend: no one is in the middle of this chat");
    }

    /** The mark alone, for a line of text that says "verified" in words. */
    public static Icon mark() {
        return new Mark();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setForeground(UIManager.getColor("Parley.verified"));
    }

    /** A check in a filled circle, in the badge's colour, sized to the font. */
    private static final class Mark implements Icon {
        @Override
        public int getIconWidth() {
            return size();
        }

        @Override
        public int getIconHeight() {
            return size();
        }

        private static int size() {
            return Math.round(UIManager.getFont("Label.font").getSize2D() * 1.1f);
        }

        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            try {
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                int d = size();
                Color colour = UIManager.getColor("Parley.verified");
                g2.setColor(colour != null ? colour : new Color(0x1e8e3e));
                g2.fillOval(x, y, d, d);
                g2.setColor(Color.WHITE);
                g2.setStroke(new BasicStroke(d / 7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D check = new Path2D.Float();
                check.moveTo(x + d * 0.27, y + d * 0.52);
                check.lineTo(x + d * 0.44, y + d * 0.69);
                check.lineTo(x + d * 0.74, y + d * 0.35);
                g2.draw(check);
            } finally {
                g2.dispose();
            }
        }
    }
}
