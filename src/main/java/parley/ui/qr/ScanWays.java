package parley.ui.qr;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.awt.Toolkit;
import java.awt.Window;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import parley.ui.threads.BackgroundTasks;

/**
 * The four ways to read a friend's QR code, shared by joining an invite and verifying a safety code: scan the
 * screen (this app's windows step aside meanwhile), an image file, the clipboard, or typed text. The slow part
 * runs on the background executor; the {@link Scan} (or the failure) comes back on the EDT, named by its source
 * ("Screen", "Image", "Clipboard", "Link"/"Typed") for the result line.
 */
public final class ScanWays extends JPanel {

    /** What the buttons say; {@code prefix} names the components ({@code prefix.scan}, {@code prefix.file}, ...). */
    public record Words(String prefix, String what, String fieldName, String placeholder, String goLabel, String goHint,
                 String typedSource) {}

    /** Told on the EDT. */
    public interface Listener {
        void scanned(String source, Scan scan);

        void failed(String source, Throwable failure);
    }

    private final BackgroundTasks tasks;
    private final Listener listener;
    private final Words words;
    private final JTextField field = new JTextField(36);
    private final List<JButton> buttons = new ArrayList<>();

    public ScanWays(Words words, BackgroundTasks tasks, Listener listener) {
        super(new GridLayout(0, 1, 0, 8));
        this.words = words;
        this.tasks = tasks;
        this.listener = listener;
        JButton scan = button("Scan screen", "scan", "Find " + words.what() + " QR code anywhere on your screens");
        JButton file = button("From image file…", "file", "Read " + words.what() + " QR code from a picture");
        JButton clipboard = button("From clipboard", "clipboard", "Use a copied picture or text");
        JButton go = new JButton(words.goLabel());
        go.setName(words.prefix() + "." + words.fieldName() + ".go");
        go.getAccessibleContext().setAccessibleName(words.goLabel());
        go.setToolTipText(words.goHint());
        buttons.add(go);
        scan.addActionListener(e -> scanScreen());
        file.addActionListener(e -> chooseFile());
        clipboard.addActionListener(e -> run("Reading the clipboard", "Clipboard",
                () -> QrSources.fromClipboard(Toolkit.getDefaultToolkit().getSystemClipboard())));
        field.setName(words.prefix() + "." + words.fieldName());
        field.putClientProperty("JTextField.placeholderText", words.placeholder());
        field.getAccessibleContext().setAccessibleName(words.placeholder());
        field.addActionListener(e -> go.doClick());
        go.addActionListener(e -> listener.scanned(words.typedSource(), Scan.typed(field.getText())));
        add(scan);
        add(file);
        add(clipboard);
        JPanel typed = new JPanel(new BorderLayout(6, 0));
        typed.add(field, BorderLayout.CENTER);
        typed.add(go, BorderLayout.EAST);
        add(typed);
    }

    private JButton button(String label, String name, String description) {
        JButton b = new JButton(label);
        b.setName(words.prefix() + "." + name);
        b.getAccessibleContext().setAccessibleName(label.replace("…", ""));
        b.setToolTipText(description);
        buttons.add(b);
        return b;
    }

    public JTextField field() {
        return field;
    }

    /**
     * Steps out of the way (hides the dialog this sits in and the main window: this app's own code must not be
     * what is found), captures every screen, comes back.
     */
    private void scanScreen() {
        Window dialog = SwingUtilities.getWindowAncestor(this);
        Window[] mine = dialog.getOwner() != null ? new Window[] {dialog.getOwner(), dialog} : new Window[] {dialog};
        for (Window w : mine) {
            w.setVisible(false);
        }
        enableWays(false);
        tasks.run("Scanning the screen", () -> {
            Thread.sleep(400); // lets the window system repaint what the hidden windows covered
            return QrSources.scanScreens();
        }, scan -> {
            comeBack(mine);
            listener.scanned("Screen", scan);
        }, failure -> {
            comeBack(mine);
            listener.failed("Screen", failure);
        });
    }

    private void comeBack(Window[] windows) {
        for (Window w : windows) {
            w.setVisible(true);
        }
        windows[windows.length - 1].toFront();
        enableWays(true);
    }

    private void chooseFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Image with " + words.what() + " QR code");
        chooser.setFileFilter(new FileNameExtensionFilter("Images", "png", "jpg", "jpeg", "gif", "bmp"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            scanFile(chooser.getSelectedFile().toPath());
        }
    }

    /** Scans an image file, as the file chooser does. */
    void scanFile(Path file) {
        run("Reading " + file.getFileName(), "Image", () -> QrSources.scanFile(file));
    }

    private void run(String title, String source, Callable<Scan> work) {
        enableWays(false);
        tasks.run(title, work, scan -> {
            enableWays(true);
            listener.scanned(source, scan);
        }, failure -> {
            enableWays(true);
            listener.failed(source, failure);
        });
    }

    public void enableWays(boolean on) {
        for (JButton b : buttons) {
            b.setEnabled(on);
        }
    }
}
