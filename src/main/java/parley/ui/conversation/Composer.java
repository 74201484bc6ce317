package parley.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.text.DefaultEditorKit;
import parley.ui.kit.DocumentEdits;
import parley.ui.kit.PlainLabel;

/**
 * Where a message is written: Enter sends, Shift+Enter starts a new line, and a counter shows the UTF-8 size
 * against the protocol's limit of {@value #MAX_BYTES} bytes (sending is refused beyond it, not cut).
 */
final class Composer extends JPanel {
    static final int MAX_BYTES = 16_384;

    private final JTextArea input = new JTextArea(3, 40);
    private final JLabel counter = new PlainLabel();
    private final JButton send = new JButton("Send");
    private final Consumer<String> onSend;

    Composer(Consumer<String> onSend) {
        super(new BorderLayout(8, 4));
        this.onSend = onSend;
        setBorder(BorderFactory.createEmptyBorder(6, 8, 8, 8));
        input.setLineWrap(true);
        input.setWrapStyleWord(true);
        input.setName("composer.input");
        input.getAccessibleContext().setAccessibleName("Message");
        input.getAccessibleContext().setAccessibleDescription("Enter sends, Shift+Enter starts a new line");
        input.putClientProperty("JTextField.placeholderText", "Write a message");
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
        add(scroll, BorderLayout.CENTER);
        add(side, BorderLayout.EAST);
        refresh();
    }

    /** Enables writing, or disables it with {@code why} shown in the input (a chat not ready yet). */
    void setWritable(boolean writable, String why) {
        input.setEnabled(writable);
        input.putClientProperty("JTextField.placeholderText", writable ? "Write a message" : why);
        input.repaint();
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

    JComponent input() {
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
        counter.setText(String.format("%,d / %,d bytes", used, MAX_BYTES));
        Color error = UIManager.getColor("Component.error.focusedBorderColor");
        counter.setForeground(over ? (error != null ? error : Color.RED) : UIManager.getColor("Label.disabledForeground"));
        counter.getAccessibleContext().setAccessibleName(over ? "Message too long: " + counter.getText() : counter.getText());
        send.setEnabled(input.isEnabled() && !input.getText().isBlank() && !over);
    }
}
