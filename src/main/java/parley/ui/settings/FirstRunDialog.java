package parley.ui.settings;

import java.awt.BorderLayout;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.UIManager;
import parley.text.DisplayNames;
import parley.ui.kit.PlainLabel;
import parley.ui.profile.BrokerSettings;

/**
 * The first run: your display name and your broker, prefilled with the local stack that {@code scripts/stack}
 * starts (mqtts on 8883, https/wss on 8443, the dev CA in {@code keys/ca.pem} when it exists). Returns the
 * settings, or empty when the user cancels.
 */
public final class FirstRunDialog extends JDialog {
    static final URI LOCAL_MQTTS = URI.create("mqtts://localhost:8883");
    static final URI LOCAL_WSS = URI.create("wss://localhost:8443/mqtt");
    static final URI LOCAL_WEB = URI.create("https://localhost:8443/");

    private final JTextField name = field("firstrun.name", "Display name", "");
    private final JTextField mqtts = field("firstrun.mqtts", "Broker (mqtts URL)", LOCAL_MQTTS.toString());
    private final JTextField wss = field("firstrun.wss", "Browser access (wss URL)", LOCAL_WSS.toString());
    private final JTextField web = field("firstrun.web", "Web client (https URL)", LOCAL_WEB.toString());
    private final JTextField ca = field("firstrun.ca", "CA certificate file", defaultCa());
    private final JTextField username = field("firstrun.username", "Username", "");
    private final JPasswordField password = new JPasswordField(24);
    private final JLabel problem = new PlainLabel(" ");
    private Optional<BrokerSettings> result = Optional.empty();

    public FirstRunDialog(JFrame owner) {
        super(owner, "Welcome to Parley", Dialog.ModalityType.DOCUMENT_MODAL);
        setName("dialog.firstrun");
        password.setName("firstrun.password");
        password.getAccessibleContext().setAccessibleName("Password");
        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(16, 16, 8, 16));
        JLabel intro = PlainLabel.ownMarkup("<html>Who are you, and which broker do you chat through?<br>"
                + "The fields are filled in for the local stack (<code>scripts/stack start</code>).</html>");
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 3;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(0, 0, 12, 0);
        form.add(intro, c);
        row(form, 1, "Your name", name, null);
        row(form, 2, "Broker", mqtts, null);
        row(form, 3, "Browser access", wss, null);
        row(form, 4, "Web client", web, null);
        JButton browse = new JButton("Browse…");
        browse.setName("firstrun.ca.browse");
        browse.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                ca.setText(chooser.getSelectedFile().getAbsolutePath());
            }
        });
        row(form, 5, "CA file (optional)", ca, browse);
        row(form, 6, "Username (optional)", username, null);
        row(form, 7, "Password (optional)", password, null);
        problem.setName("firstrun.problem");
        problem.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        c.gridy = 8;
        c.insets = new Insets(8, 0, 0, 0);
        form.add(problem, c);
        JButton ok = new JButton("Start");
        ok.setName("firstrun.ok");
        ok.addActionListener(e -> submit());
        JButton cancel = new JButton("Quit");
        cancel.setName("firstrun.cancel");
        cancel.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        buttons.add(ok);
        getRootPane().setDefaultButton(ok);
        add(form, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        pack();
        setLocationRelativeTo(owner);
    }

    /** Shows the dialog and waits for the user (a nested event loop: the EDT keeps running). */
    public Optional<BrokerSettings> ask() {
        setVisible(true);
        return result;
    }

    private static String defaultCa() {
        Path local = Path.of("keys", "ca.pem").toAbsolutePath();
        return Files.isRegularFile(local) ? local.toString() : "";
    }

    private static JTextField field(String id, String accessible, String value) {
        JTextField f = new JTextField(value, 28);
        f.setName(id);
        f.getAccessibleContext().setAccessibleName(accessible);
        return f;
    }

    private static void row(JPanel form, int y, String label, JComponent field, JComponent extra) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = y;
        c.insets = new Insets(3, 0, 3, 8);
        c.anchor = GridBagConstraints.WEST;
        JLabel l = new PlainLabel(label);
        l.setLabelFor(field);
        form.add(l, c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        form.add(field, c);
        if (extra != null) {
            c.gridx = 2;
            c.weightx = 0;
            form.add(extra, c);
        }
    }

    private void submit() {
        try {
            String display = name.getText().strip();
            DisplayNames.problem(display).ifPresent(problem -> {
                throw new IllegalArgumentException("your name " + problem);
            });
            URI broker = uri("broker", mqtts.getText(), "mqtts").orElseThrow(
                    () -> new IllegalArgumentException("the broker needs an mqtts:// URL"));
            Optional<URI> browsers = uri("browser access", wss.getText(), "wss");
            Optional<URI> webClient = uri("web client", web.getText(), "https");
            Optional<Path> caFile = Optional.of(ca.getText().strip()).filter(s -> !s.isEmpty()).map(Path::of);
            if (caFile.isPresent() && !Files.isReadable(caFile.get())) {
                throw new IllegalArgumentException("the CA file " + caFile.get() + " cannot be read");
            }
            char[] secret = password.getPassword();
            result = Optional.of(new BrokerSettings(display, broker, browsers, webClient, caFile,
                    Optional.of(username.getText().strip()).filter(s -> !s.isEmpty()),
                    secret.length == 0 ? Optional.empty() : Optional.of(new String(secret))));
            java.util.Arrays.fill(secret, '\0');
            dispose();
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
    }

    private static Optional<URI> uri(String what, String text, String scheme) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        URI u;
        try {
            u = new URI(t);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("the " + what + " URL is not a URL: " + e.getReason());
        }
        if (!scheme.equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException("the " + what + " URL must look like " + scheme + "://host:port");
        }
        return Optional.of(u);
    }
}
