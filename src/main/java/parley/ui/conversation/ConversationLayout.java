package parley.ui.conversation;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.LayoutManager;

/**
 * Lays out a conversation top to bottom: day separators across the whole width, bubbles at most 72% wide, on the
 * right for outgoing and the left for incoming messages. When the messages do not fill the view they sit at the
 * bottom, next to the composer, as in every chat app.
 */
final class ConversationLayout implements LayoutManager {
    private static final double BUBBLE_SHARE = 0.72;
    private static final int GAP = 6;
    private static final int SIDE = 12;
    private static final int DEFAULT_WIDTH = 600;

    @Override
    public void layoutContainer(Container parent) {
        int width = parent.getWidth();
        int total = contentHeight(parent, width);
        int y = Math.max(SIDE, parent.getHeight() - total + SIDE);
        for (Component c : parent.getComponents()) {
            Dimension d = sizeOf(c, width);
            int x = switch (c) {
                case MessageBubble b when b.message.outgoing() -> width - SIDE - d.width;
                case MessageBubble b -> SIDE;
                default -> 0;
            };
            c.setBounds(x, y, d.width, d.height);
            y += d.height + GAP;
        }
    }

    private static Dimension sizeOf(Component c, int width) {
        if (c instanceof MessageBubble b) {
            return b.sizeFor((int) ((width - 2 * SIDE) * BUBBLE_SHARE));
        }
        return new Dimension(width, c.getPreferredSize().height);
    }

    private static int contentHeight(Container parent, int width) {
        int h = 2 * SIDE;
        for (Component c : parent.getComponents()) {
            h += sizeOf(c, width).height + GAP;
        }
        return h;
    }

    @Override
    public Dimension preferredLayoutSize(Container parent) {
        int width = parent.getWidth() > 0 ? parent.getWidth() : DEFAULT_WIDTH;
        Insets in = parent.getInsets();
        return new Dimension(width, contentHeight(parent, width) + in.top + in.bottom);
    }

    @Override
    public Dimension minimumLayoutSize(Container parent) {
        return new Dimension(0, 0);
    }

    @Override
    public void addLayoutComponent(String name, Component comp) {
    }

    @Override
    public void removeLayoutComponent(Component comp) {
    }
}
