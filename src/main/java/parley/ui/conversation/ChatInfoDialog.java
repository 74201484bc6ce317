package parley.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Dialog;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import parley.chat.Chat;
import parley.chat.ChatException;
import parley.chat.ChatService;
import parley.crypto.SafetyCode;
import parley.ui.kit.PlainLabel;
import parley.ui.kit.VerifiedBadge;
import parley.ui.kit.WarningText;
import parley.ui.qr.QrView;
import parley.ui.qr.SafetyReading;
import parley.ui.qr.Scan;
import parley.ui.qr.ScanWays;
import parley.ui.shell.AppAction;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;
import parley.ui.kit.EscapeCloses;

/**
 * An agreed chat's details and its verification: the state, the connection and the key epoch (with "refreshing…"
 * while a refresh waits for the friend); this side's safety code in digits and as a QR code; and the four ways to
 * check the friend's code ({@link ScanWays}). A match marks the chat verified; a mismatch is a warning that says
 * what it means. Modeless, one per chat, kept current from the chat's snapshots by {@link #update(Chat)}.
 */
public final class ChatInfoDialog extends JDialog {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());
    private static final ScanWays.Words WORDS = new ScanWays.Words("verify", "your friend's safety", "code",
            "Type your friend's 20 digits", "Verify", "Compare the typed digits with this chat's code", "Typed");
    static final int QR_SIDE = 232;

    private final ChatService service;
    private final Runnable onRefreshKeys;
    private final JLabel verifiedLine = new PlainLabel();
    private final JLabel connection = new PlainLabel();
    private final JLabel broker = new PlainLabel();
    private final JLabel key = new PlainLabel();
    private final JButton refresh = new JButton(AppAction.REFRESH_KEYS.shortLabel());
    private final JLabel code = new PlainLabel("…");
    private final JPanel qrSlot = new JPanel(new BorderLayout());
    private final JLabel result = new PlainLabel(" ");
    private final JTextArea warning = new JTextArea(3, 36);
    private final ScanWays ways;
    private Chat chat;

    public ChatInfoDialog(JFrame owner, ChatService service, Chat chat, BackgroundTasks tasks, Runnable onRefreshKeys) {
        super(owner, "Chat with " + chat.name(), Dialog.ModalityType.MODELESS);
        this.service = service;
        this.chat = chat;
        this.onRefreshKeys = onRefreshKeys;
        setName("dialog.chatinfo");
        EscapeCloses.on(this);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        ways = new ScanWays(WORDS, tasks, new ScanWays.Listener() {
            @Override
            public void scanned(String source, Scan scan) {
                check(source, scan);
            }

            @Override
            public void failed(String source, Throwable failure) {
                say(source + ": " + Failures.message(failure), true);
            }
        });
        JPanel content = new JPanel();
        content.setLayout(new BoxLayout(content, BoxLayout.Y_AXIS));
        content.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        content.add(left(details()));
        content.add(Box.createVerticalStrut(16));
        content.add(left(safetyCode()));
        content.add(Box.createVerticalStrut(16));
        content.add(left(check()));
        JButton close = new JButton("Close");
        close.setName("chatinfo.close");
        close.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(close);
        add(content, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        update(chat);
        loadCode();
        pack();
        setLocationRelativeTo(owner);
    }

    private static JComponent left(JComponent c) {
        c.setAlignmentX(LEFT_ALIGNMENT);
        return c;
    }

    /** The broker's limits as shipped (SECURITY.md, "The broker's own limits"), where a user wonders about them. */
    private static JLabel offlineLimits() {
        JLabel limits = PlainLabel.ownMarkup("<html>While your friend is offline, a Parley server keeps their messages "
                + "for up to 30 days (8 MiB);<br>anything it drops is sent again until your friend's app has it.</html>");
        limits.setName("chatinfo.offlineLimits");
        limits.setFont(limits.getFont().deriveFont(limits.getFont().getSize2D() * 0.9f));
        limits.setForeground(UIManager.getColor("Label.disabledForeground"));
        return limits;
    }

    private JPanel details() {
        verifiedLine.setName("chatinfo.verified");
        connection.setName("chatinfo.connection");
        broker.setName("chatinfo.broker");
        key.setName("chatinfo.key");
        key.getAccessibleContext().setAccessibleName("Key");
        refresh.setName("chatinfo.refresh");
        refresh.setToolTipText(AppAction.REFRESH_KEYS.description);
        refresh.getAccessibleContext().setAccessibleName(AppAction.REFRESH_KEYS.shortLabel());
        refresh.addActionListener(e -> onRefreshKeys.run());
        JPanel keyRow = new JPanel(new BorderLayout(12, 0));
        keyRow.add(key, BorderLayout.CENTER);
        keyRow.add(refresh, BorderLayout.EAST);
        JPanel panel = new JPanel(new GridLayout(0, 1, 0, 6));
        panel.add(verifiedLine);
        panel.add(connection);
        panel.add(broker);
        panel.add(offlineLimits());
        panel.add(keyRow);
        return panel;
    }

    private JPanel safetyCode() {
        JLabel heading = heading("Safety code");
        JLabel explain = PlainLabel.ownMarkup("<html><div style='width:260px'>Compare it with your friend's, in person or on a "
                + "call, or let them scan it. If the two match, no one is in the middle of this chat.</div></html>");
        code.setName("chatinfo.code");
        code.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.round(UIManager.getFont("Label.font").getSize2D() * 1.5f)));
        code.getAccessibleContext().setAccessibleName("Safety code");
        JButton copy = new JButton("Copy digits");
        copy.setName("chatinfo.copy");
        copy.addActionListener(e -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(code.getText()), null);
            copy.setText("Copied");
        });
        JPanel words = new JPanel();
        words.setLayout(new BoxLayout(words, BoxLayout.Y_AXIS));
        words.add(left(heading));
        words.add(Box.createVerticalStrut(8));
        words.add(left(explain));
        words.add(Box.createVerticalStrut(12));
        words.add(left(code));
        words.add(Box.createVerticalStrut(8));
        words.add(left(copy));
        qrSlot.setPreferredSize(new Dimension(QR_SIDE, QR_SIDE));
        JPanel panel = new JPanel(new BorderLayout(16, 0));
        panel.add(qrSlot, BorderLayout.WEST);
        panel.add(words, BorderLayout.CENTER);
        return panel;
    }

    private JPanel check() {
        result.setName("verify.result");
        result.getAccessibleContext().setAccessibleName("Verification result");
        warning.setName("verify.warning");
        warning.setEditable(false);
        warning.setLineWrap(true);
        warning.setWrapStyleWord(true);
        warning.setFocusable(true);
        warning.getAccessibleContext().setAccessibleName("Warning: the safety codes do not match");
        warning.setVisible(false);
        JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        panel.add(left(heading("Check your friend's code")));
        panel.add(Box.createVerticalStrut(8));
        panel.add(left(ways));
        panel.add(Box.createVerticalStrut(8));
        panel.add(left(result));
        panel.add(Box.createVerticalStrut(4));
        panel.add(left(warning));
        return panel;
    }

    private static JLabel heading(String text) {
        JLabel label = new PlainLabel(text);
        label.setFont(label.getFont().deriveFont(Font.BOLD, label.getFont().getSize2D() * 1.15f));
        return label;
    }

    private void loadCode() {
        service.safetyCode(chat.id()).whenCompleteAsync(Edt.guard((safety, failure) -> {
            if (failure != null) {
                code.setText("—");
                say("No safety code: " + Failures.message(failure), true);
                return;
            }
            showCode(safety);
        }), Edt.EXECUTOR);
    }

    private void showCode(SafetyCode safety) {
        code.setText(safety.grouped());
        code.getAccessibleContext().setAccessibleDescription(safety.grouped());
        qrSlot.removeAll();
        qrSlot.add(new QrView(safety.qrText(), QR_SIDE, "chatinfo.qr", "Safety code as a QR code"), BorderLayout.CENTER);
        qrSlot.revalidate();
        qrSlot.repaint();
    }

    /** The chat's snapshot changed: verified, connection, key epoch. */
    void update(Chat next) {
        Edt.require();
        chat = next;
        setTitle("Chat with " + next.name());
        verifiedLine.setIcon(next.verified() ? VerifiedBadge.mark() : null);
        verifiedLine.setText(next.verified() ? "Verified: you and " + next.name() + " compared safety codes"
                : "Not verified yet: compare the safety codes below");
        connection.setText("Connection: " + next.connection().detail());
        broker.setText("Broker: " + next.broker().describe());
        broker.setForeground(next.broker().own() ? UIManager.getColor("Label.foreground")
                : UIManager.getColor("Parley.warning.foreground"));
        key.setText(keyLine(next));
        refresh.setEnabled(!next.rekeying());
    }

    /** "Key epoch 1, since …", and "refreshing…" while a refresh this side started waits for the friend. */
    static String keyLine(Chat c) {
        return "Key epoch " + c.epoch() + c.epochSince().map(since -> ", since " + WHEN.format(since)).orElse("")
                + (c.rekeying() ? " · refreshing…" : "");
    }

    private void check(String source, Scan scan) {
        switch (SafetyReading.of(scan)) {
            case SafetyReading.Miss(String message) -> say(source + ": " + message, true);
            case SafetyReading.Code(String text) -> {
                say(source + ": comparing…", false);
                ways.enableWays(false);
                service.verify(chat.id(), text).whenCompleteAsync(Edt.guard((ok, failure) -> {
                    ways.enableWays(true);
                    if (failure == null) {
                        warning.setVisible(false);
                        ways.field().setText("");
                        say(source + ": the codes match. This chat is verified.", false);
                    } else if (Failures.unwrap(failure) instanceof ChatException e
                            && e.problem() == ChatException.Problem.SAFETY_MISMATCH) {
                        say(source + ": the safety codes do not match", true);
                        warn(e.getMessage());
                    } else {
                        say(source + ": " + Failures.message(failure), true);
                    }
                    pack();
                }), Edt.EXECUTOR);
            }
        }
    }

    private void warn(String why) {
        // the service's words, shared with the CLI: what a mismatch means and what to do
        String sentence = why.isEmpty() ? why : Character.toUpperCase(why.charAt(0)) + why.substring(1);
        warning.setText(sentence.endsWith(".") ? sentence : sentence + ".");
        WarningText.style(warning);
        warning.setVisible(true);
    }

    private void say(String text, boolean problem) {
        result.setText(text);
        result.setForeground(problem ? UIManager.getColor("Component.error.focusedBorderColor") : UIManager.getColor("Label.foreground"));
        result.getAccessibleContext().setAccessibleDescription(text);
    }

    public String codeText() {
        return code.getText();
    }

    public String resultText() {
        return result.getText();
    }

    public String warningText() {
        return warning.isVisible() ? warning.getText() : "";
    }

    public String brokerText() {
        return broker.getText();
    }

    public String keyText() {
        return key.getText();
    }
}
