package parley.ui.conversation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import javax.swing.Icon;

/** The composer's attach button: a paper clip in the button's text colour (so it follows the theme). */
final class PaperClipIcon implements Icon {
    private static final int SIZE = 18;

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color ink = c.isEnabled() ? c.getForeground() : javax.swing.UIManager.getColor("Label.disabledForeground");
            g2.setColor(ink != null ? ink : Color.DARK_GRAY);
            g2.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.translate(x, y);
            g2.rotate(Math.toRadians(40), SIZE / 2.0, SIZE / 2.0);
            // an outer loop, an inner loop: the clip's wire from the long leg round to the short one
            Path2D wire = new Path2D.Double();
            wire.moveTo(11, 5);
            wire.lineTo(11, 14);
            wire.curveTo(11, 18, 5, 18, 5, 14);
            wire.lineTo(5, 3.5);
            wire.curveTo(5, 0.5, 9, 0.5, 9, 3.5);
            wire.lineTo(9, 13);
            wire.curveTo(9, 14.5, 7, 14.5, 7, 13);
            wire.lineTo(7, 6);
            g2.draw(wire);
        } finally {
            g2.dispose();
        }
    }

    @Override
    public int getIconWidth() {
        return SIZE;
    }

    @Override
    public int getIconHeight() {
        return SIZE;
    }
}
