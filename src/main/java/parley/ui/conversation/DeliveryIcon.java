package parley.ui.conversation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import javax.swing.Icon;
import parley.chat.Delivery;

/**
 * The ticks after an outgoing message, drawn as vectors so they are crisp at any scale: a clock while queued,
 * one tick when the broker took it, two ticks (in the accent colour) when the peer acknowledged it.
 */
record DeliveryIcon(Delivery delivery, Color colour, Color deliveredColour, int size) implements Icon {

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.translate(x, y);
            float s = size;
            g2.setStroke(new BasicStroke(Math.max(1.2f, s / 10f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            switch (delivery) {
                case QUEUED -> {
                    g2.setColor(colour);
                    float d = s * 0.8f;
                    float o = (s - d) / 2;
                    g2.draw(new java.awt.geom.Ellipse2D.Float(o, o, d, d));
                    Path2D hands = new Path2D.Float();
                    hands.moveTo(s / 2, s * 0.28);
                    hands.lineTo(s / 2, s / 2);
                    hands.lineTo(s * 0.68, s * 0.62);
                    g2.draw(hands);
                }
                case SENT -> {
                    g2.setColor(colour);
                    g2.draw(tick(s, 0));
                }
                case DELIVERED -> {
                    g2.setColor(deliveredColour);
                    g2.draw(tick(s, -s * 0.22f));
                    g2.draw(tick(s, s * 0.12f));
                }
                case RECEIVED -> { }
            }
        } finally {
            g2.dispose();
        }
    }

    private static Path2D tick(float s, float dx) {
        Path2D p = new Path2D.Float();
        p.moveTo(dx + s * 0.18, s * 0.55);
        p.lineTo(dx + s * 0.42, s * 0.78);
        p.lineTo(dx + s * 0.9, s * 0.25);
        return p;
    }

    @Override
    public int getIconWidth() {
        return delivery == Delivery.RECEIVED ? 0 : size;
    }

    @Override
    public int getIconHeight() {
        return size;
    }

    /** What a screen reader says for the icon. */
    String description() {
        return switch (delivery) {
            case QUEUED -> "waiting to be sent";
            case SENT -> "sent to the broker";
            case DELIVERED -> "delivered";
            case RECEIVED -> "received";
        };
    }
}
