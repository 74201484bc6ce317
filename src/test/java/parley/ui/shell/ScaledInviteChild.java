package parley.ui.shell;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import parley.app.DesktopLauncher;
import parley.ui.invite.InviteDialog;

/**
 * The desktop app in a JVM of its own, for {@link ScaledInviteIT}: Swing's scale ({@code sun.java2d.uiScale}) is
 * fixed when AWT starts, so a scaled app needs a fresh JVM. It opens the app on a configured profile, shows a new
 * invite as the New invite button would, prints where the windows and the QR code are (logical pixels) and what
 * text does not fit, then waits for "quit" on its input.
 */
final class ScaledInviteChild {
    static final String READY = "ready";

    private ScaledInviteChild() {}

    public static void main(String[] args) throws Exception {
        DesktopApp app = DesktopApp.launch(DesktopLauncher.profileAt(Path.of(args[0])), new DesktopApp.Options(false, false));
        MainWindow window = app.window().get(30, TimeUnit.SECONDS);
        app.started().get(30, TimeUnit.SECONDS);
        SwingUtilities.invokeAndWait(() -> window.actions.get(AppAction.NEW_INVITE)
                .actionPerformed(new ActionEvent(window, ActionEvent.ACTION_PERFORMED, AppAction.NEW_INVITE.name())));
        InviteDialog dialog = awaitInvite();
        List<String> report = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            GraphicsConfiguration gc = dialog.getGraphicsConfiguration();
            Rectangle screen = gc.getBounds();
            Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
            Rectangle usable = new Rectangle(screen.x + in.left, screen.y + in.top,
                    screen.width - in.left - in.right, screen.height - in.top - in.bottom);
            Component qr = find(dialog, "invite.qr").orElseThrow();
            String link = ((JTextComponent) find(dialog, "invite.link").orElseThrow()).getText();
            report.add("scale=" + gc.getDefaultTransform().getScaleX());
            report.add("screen=" + rect(usable));
            report.add("window=" + rect(window.getBounds()));
            report.add("dialog=" + rect(dialog.getBounds()));
            report.add("qr=" + rect(new Rectangle(qr.getLocationOnScreen(), qr.getSize())));
            report.add("link-sha256=" + sha256(link));
            List<String> clipped = new ArrayList<>();
            clipped(window, usable, clipped);
            clipped(dialog, usable, clipped);
            report.add("clipped=" + String.join(" | ", clipped));
        });
        report.forEach(System.out::println);
        System.out.println(READY);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
            // the test says when it has looked
        }
        app.closeAndWait();
        System.exit(0);
    }

    private static InviteDialog awaitInvite() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            InviteDialog[] found = new InviteDialog[1];
            SwingUtilities.invokeAndWait(() -> {
                for (Window w : Window.getWindows()) {
                    if (w instanceof InviteDialog d && d.isShowing()
                            && find(d, "invite.qr").map(Component::isShowing).orElse(false)) { // live
                        found[0] = d;
                    }
                }
            });
            if (found[0] != null) {
                return found[0];
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no invite dialog within 30 s");
    }

    private static Optional<Component> find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return Optional.of(c);
            }
            if (c instanceof Container inner) {
                Optional<Component> found = find(inner, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Text a user cannot read whole: off the usable screen, or in a label or button smaller than its text. */
    private static void clipped(Container root, Rectangle usable, List<String> out) {
        for (Component c : root.getComponents()) {
            if (!c.isShowing()) {
                continue;
            }
            String text = switch (c) {
                case JLabel l -> l.getText();
                case AbstractButton b -> b.getText();
                case JTextComponent t -> t.getText();
                default -> null;
            };
            if (text != null && !text.isEmpty()) {
                String what = (c.getName() != null ? c.getName() : c.getClass().getSimpleName()) + " \"" + text + "\"";
                Rectangle on = new Rectangle(c.getLocationOnScreen(), c.getSize());
                if (!usable.contains(on)) {
                    out.add(what + " is off the screen at " + rect(on));
                } else if (!(c instanceof JTextComponent) && (c.getWidth() < c.getPreferredSize().width
                        || c.getHeight() < c.getPreferredSize().height)) {
                    out.add(what + " is cut: " + c.getWidth() + "x" + c.getHeight() + " of "
                            + c.getPreferredSize().width + "x" + c.getPreferredSize().height);
                }
            }
            if (c instanceof Container inner) {
                clipped(inner, usable, out);
            }
        }
    }

    private static String rect(Rectangle r) {
        return r.x + "," + r.y + "," + r.width + "," + r.height;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
