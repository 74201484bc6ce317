package parley.ui.kit;

import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;

/**
 * The part of a screen that windows may cover (not under panels or docks), in logical pixels. On a small or highly
 * scaled screen (1920x1080 at 200% is 960x540 logical) Parley's usual window sizes do not fit, and what reaches
 * past the edge (the status line, a dialog's buttons) cannot be seen.
 */
public final class ScreenSpace {
    private ScreenSpace() {}

    public static Rectangle usable(GraphicsConfiguration gc) {
        Rectangle screen = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(screen.x + in.left, screen.y + in.top, screen.width - in.left - in.right,
                screen.height - in.top - in.bottom);
    }

    /** {@code wanted}, no larger than the usable part of {@code gc}'s screen. */
    public static Dimension fit(Dimension wanted, GraphicsConfiguration gc) {
        Rectangle usable = usable(gc);
        return new Dimension(Math.min(wanted.width, usable.width), Math.min(wanted.height, usable.height));
    }
}
