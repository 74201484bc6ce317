package parley.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.TransferHandler;
import javax.swing.UIManager;
import javax.swing.text.DefaultEditorKit;
import parley.ui.kit.DocumentEdits;
import parley.ui.kit.PlainLabel;

/**
 * Where a message is written (and, with the paper clip, a file chosen): Enter sends, Shift+Enter starts a new line, and near the protocol's limit of
 * {@value #MAX_BYTES} bytes a counter shows the UTF-8 size (sending is refused beyond it, not cut). The counter's
 * place is kept while it is empty, so that the layout does not jump when it appears.
 */
final class Composer extends JPanel {
    static final int MAX_BYTES = 16_384;
    /** The counter shows from here on: most messages are far below the limit and need no number beside them. */
    static final int NEAR_BYTES = MAX_BYTES * 3 / 4;
    static final String PLACEHOLDER = "Write a message";
    /** The widest text the counter shows, for the room it keeps. */
    private static final String WIDEST = String.format("%,d / %,d bytes", 9_999_999, MAX_BYTES);

    private final ComposerInput input = new ComposerInput();
    private final JLabel counter = new PlainLabel() {
        @Override
        public Dimension getPreferredSize() {
            Dimension d = super.getPreferredSize();
            java.awt.Insets in = getInsets();
            return new Dimension(getFontMetrics(getFont()).stringWidth(WIDEST) + in.left + in.right,
                    Math.max(d.height, getFontMetrics(getFont()).getHeight() + in.top + in.bottom));
        }
    };
    private final JButton send = new JButton("Send");
    private final JButton attach = new JButton(new PaperClipIcon());
    private final Consumer<String> onSend;

    /**
     * @param onAttach the paper clip's file chooser
     * @param files    wraps the input's own transfer handler so that files and pictures pasted into it are attached
     */
    Composer(Consumer<String> onSend, Runnable onAttach, UnaryOperator<TransferHandler> files) {
        super(new BorderLayout(8, 4));
        this.onSend = onSend;
        input.setTransferHandler(files.apply(input.getTransferHandler()));
        attach.setName("composer.attach");
        attach.setToolTipText("Send a file or a picture (or drop it here, or paste it)");
        attach.getAccessibleContext().setAccessibleName("Attach a file");
        attach.putClientProperty("JButton.buttonType", "toolBarButton");
        attach.setFocusable(false);
        attach.addActionListener(e -> onAttach.run());
        setBorder(BorderFactory.createEmptyBorder(6, 8, 8, 8));
        input.setName("composer.input");
        input.getAccessibleContext().setAccessibleName("Message");
        input.getAccessibleContext().setAccessibleDescription("Enter sends, Shift+Enter starts a new line");
        input.placeholder(PLACEHOLDER);
        input.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "parley-send");
        input.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, KeyEvent.SHIFT_DOWN_MASK),
                DefaultEditorKit.insertBreakAction);
        input.getActionMap().put("parley-send", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                submit();
            }
        });
        DocumentEdits.onAnyEdit(input.getDocument(), this::refresh);
        send.setName("composer.send");
        send.getAccessibleContext().setAccessibleName("Send");
        send.addActionListener(e -> submit());
        counter.setName("composer.counter");
        JScrollPane scroll = new JScrollPane(input);
        scroll.setVerticalScrollBarPolicy(JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED);
        JPanel side = new JPanel(new BorderLayout(0, 4));
        side.add(send, BorderLayout.NORTH);
        side.add(counter, BorderLayout.SOUTH);
        JPanel before = new JPanel(new BorderLayout());
        before.add(attach, BorderLayout.NORTH);
        add(before, BorderLayout.WEST);
        add(scroll, BorderLayout.CENTER);
        add(side, BorderLayout.EAST);
        refresh();
    }

    /** Enables writing, or disables it with {@code why} shown in the input (a chat not ready yet). */
    void setWritable(boolean writable, String why) {
        input.setEnabled(writable);
        input.placeholder(writable ? PLACEHOLDER : why);
        refresh();
    }

    void clear() {
        input.setText("");
    }

    /** Puts back text whose sending failed, unless the user has begun a new one. */
    void restore(String text) {
        if (input.getText().isEmpty()) {
            input.setText(text);
        }
    }

    ComposerInput input() {
        return input;
    }

    private void submit() {
        String text = input.getText();
        if (text.isBlank() || bytes(text) > MAX_BYTES || !input.isEnabled()) {
            return;
        }
        input.setText("");
        onSend.accept(text);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private void refresh() {
        int used = bytes(input.getText());
        boolean over = used > MAX_BYTES;
        String count = String.format("%,d / %,d bytes", used, MAX_BYTES);
        counter.setText(used >= NEAR_BYTES ? count : "");
        Color error = UIManager.getColor("Component.error.focusedBorderColor");
        counter.setForeground(over ? (error != null ? error : Color.RED) : UIManager.getColor("Label.disabledForeground"));
        counter.getAccessibleContext().setAccessibleName(over ? "Message too long: " + count : count);
        send.setEnabled(input.isEnabled() && !input.getText().isBlank() && !over);
        attach.setEnabled(input.isEnabled());
    }
}
