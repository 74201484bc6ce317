package parley.ui.settings;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.SwingUtilities;
import parley.chat.CheckSentences;
import parley.chat.ServerCheck;
import parley.ui.kit.PlainLabel;
import parley.ui.kit.WarningText;
import parley.ui.profile.BrokerSettings;
import parley.ui.threads.Edt;

/**
 * The server a profile chats through, as a person gives it: the server's name (the rest follows from it), and
 * folded away under Advanced the CA file, a separate web client address and a login. {@link #checkThen} tries the
 * server for real before anything is saved ({@link ServerCheck}) and says in words what is wrong.
 */
final class BrokerForm extends JPanel {
    private final JTextField server = field("server", "Server", "");
    private final JTextField web = field("web", "Web client address", "");
    private final JTextField ca = field("ca", "CA certificate file", "");
    private final JTextField username = field("username", "Username", "");
    private final JPasswordField password = new JPasswordField(24);
    private final JToggleButton advanced = new JToggleButton("Advanced ▸");
    private final JPanel advancedFields = new JPanel(new GridBagLayout());
    private final JProgressBar progress = new JProgressBar();
    private final JLabel progressText = new PlainLabel(" ");
    private final JButton cancelCheck = new JButton("Stop checking");
    private final JTextArea problem = new JTextArea(3, 36);
    private final String prefix;
    private final ServerAddress.WebDefault webDefault;
    private final java.util.List<JComponent> alsoDisabled = new java.util.ArrayList<>();
    private ServerCheck check;

    /** {@code prefix} names the components ({@code firstrun.server}, say); {@code current} prefills them. */
    BrokerForm(String prefix, Optional<BrokerSettings> current) {
        super(new GridBagLayout());
        this.prefix = prefix;
        for (JComponent c : new JComponent[] {server, web, ca, username}) {
            c.setName(prefix + "." + c.getName());
        }
        password.setName(prefix + ".password");
        password.getAccessibleContext().setAccessibleName("Password");
        server.putClientProperty("JTextField.placeholderText", "chat.example.org");
        webDefault = new ServerAddress.WebDefault(server, web);
        current.ifPresentOrElse(this::fill, () -> ca.setText(defaultCa()));
        row(this, 0, "Server", server, null);
        advanced.setName(prefix + ".advanced");
        advanced.addActionListener(e -> showAdvanced(advanced.isSelected()));
        JPanel toggle = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        toggle.add(advanced);
        add(toggle, at(0, 1, 3));
        JButton browse = new JButton("Browse…");
        browse.setName(prefix + ".ca.browse");
        browse.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                ca.setText(chooser.getSelectedFile().getAbsolutePath());
            }
        });
        row(advancedFields, 0, "CA file (optional)", ca, browse);
        row(advancedFields, 1, "Web client", web, null);
        row(advancedFields, 2, "Username (optional)", username, null);
        row(advancedFields, 3, "Password (optional)", password, null);
        advancedFields.setVisible(false);
        add(advancedFields, at(0, 2, 3));
        progress.setName(prefix + ".progress");
        progress.setIndeterminate(true);
        progressText.setName(prefix + ".progress.text");
        cancelCheck.setName(prefix + ".check.cancel");
        cancelCheck.addActionListener(e -> stopChecking());
        JPanel checking = new JPanel(new BorderLayout(8, 0));
        checking.add(progressText, BorderLayout.NORTH);
        checking.add(progress, BorderLayout.CENTER);
        checking.add(cancelCheck, BorderLayout.EAST);
        checking.setBorder(BorderFactory.createEmptyBorder(8, 0, 0, 0));
        setChecking(false);
        add(checking, at(0, 3, 3));
        problem.setName(prefix + ".problem");
        problem.setEditable(false);
        problem.setLineWrap(true);
        problem.setWrapStyleWord(true);
        problem.setVisible(false);
        add(problem, at(0, 4, 3));
    }

    /** Shows {@code text} as what is wrong (empty hides it). */
    void problem(String text) {
        problem.setText(text);
        WarningText.style(problem);
        problem.setVisible(!text.isEmpty());
        revalidateWindow();
    }

    /**
     * Reads the fields, tries the server off the event thread (with progress the user can stop) and calls
     * {@code onConnected} on the EDT with the settings once it answered; else says what is wrong.
     */
    void checkThen(String displayName, Consumer<BrokerSettings> onConnected) {
        Edt.require();
        BrokerSettings settings;
        try {
            settings = read(displayName);
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
            return;
        }
        problem("");
        progressText.setText("Checking the connection to " + CheckSentences.hostAndPort(settings.mqtts()) + "…");
        setChecking(true);
        ServerCheck started = ServerCheck.start(settings.mqtts(), settings.wss(), settings.web(), settings.caFile(),
                settings.username(), settings.password());
        check = started;
        started.result().thenAccept(outcome -> SwingUtilities.invokeLater(() -> {
            if (check != started) {
                return; // stopped, or a newer check runs
            }
            check = null;
            setChecking(false);
            if (outcome.reachable()) {
                onConnected.accept(settings);
            } else {
                problem(outcome.sentence());
                if (outcome.sentence().contains("Advanced")) {
                    showAdvanced(true);
                }
            }
        }));
    }

    /** Stops a running check (the dialog closes, or the user chose Stop checking). */
    void stopChecking() {
        if (check != null) {
            check.close();
            check = null;
            setChecking(false);
            problem("Stopped checking. Nothing was saved.");
        }
    }

    /** The dialog's own controls that must wait while a check runs (its OK button, say). */
    void disableWhileChecking(JComponent... controls) {
        alsoDisabled.addAll(java.util.List.of(controls));
    }

    boolean checking() {
        return check != null;
    }

    private BrokerSettings read(String displayName) {
        URI mqtts = ServerAddress.mqtts(server.getText());
        Optional<URI> webClient = ServerAddress.web(web.getText());
        Optional<Path> caFile = Optional.of(ca.getText().strip()).filter(s -> !s.isEmpty()).map(Path::of);
        if (caFile.isPresent() && !Files.isReadable(caFile.get())) {
            throw new IllegalArgumentException("The CA file " + caFile.get() + " cannot be read. Choose another "
                    + "under Advanced, or leave the field empty.");
        }
        char[] secret = password.getPassword();
        Optional<String> user = Optional.of(username.getText().strip()).filter(s -> !s.isEmpty());
        if (secret.length > 0 && user.isEmpty()) {
            throw new IllegalArgumentException("A password needs a username. Give both under Advanced, or neither.");
        }
        BrokerSettings settings = new BrokerSettings(displayName, mqtts, webClient.flatMap(ServerAddress::impliedWss),
                webClient, caFile, user, secret.length == 0 ? Optional.empty() : Optional.of(new String(secret)));
        java.util.Arrays.fill(secret, '\0');
        return settings;
    }

    /** Starts the form from {@code defaults} (the fields the user then sees and may change). */
    void suggest(FirstRunDefaults defaults) {
        defaults.server().ifPresent(server::setText);
        defaults.web().ifPresent(w -> {
            web.setText(w);
            webDefault.edited(true);
        });
        defaults.caFile().ifPresent(ca::setText);
    }

    private void fill(BrokerSettings s) {
        server.setText(ServerAddress.shown(s.mqtts()));
        web.setText(s.web().map(URI::toString).orElse("")); // as saved: no web client stays none
        webDefault.edited(true);
        s.caFile().ifPresent(f -> ca.setText(f.toString()));
        s.username().ifPresent(username::setText);
        s.password().ifPresent(password::setText);
    }

    private void setChecking(boolean on) {
        progress.setVisible(on);
        progressText.setVisible(on);
        cancelCheck.setVisible(on);
        for (JComponent c : new JComponent[] {server, web, ca, username, password, advanced}) {
            c.setEnabled(!on);
        }
        alsoDisabled.forEach(c -> c.setEnabled(!on));
        revalidateWindow();
    }

    private void showAdvanced(boolean on) {
        advanced.setSelected(on);
        advanced.setText(on ? "Advanced ▾" : "Advanced ▸");
        advancedFields.setVisible(on);
        revalidateWindow();
    }

    private void revalidateWindow() {
        revalidate();
        java.awt.Window w = SwingUtilities.getWindowAncestor(this);
        if (w != null && w.isDisplayable()) {
            w.pack();
        }
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

    private static GridBagConstraints at(int x, int y, int width) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.gridwidth = width;
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        return c;
    }

    static void row(JPanel form, int y, String label, JComponent field, JComponent extra) {
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
}
