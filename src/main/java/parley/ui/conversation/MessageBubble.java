package parley.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextPane;
import javax.swing.UIManager;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultCaret;
import javax.swing.text.Element;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;
import parley.chat.Attachment;
import parley.chat.Delivery;
import parley.chat.Message;
import parley.ui.kit.EmojiFont;
import parley.ui.kit.MessageText;
import parley.ui.kit.PlainLabel;
import parley.ui.kit.WrapAnywhereKit;

/**
 * One message: its text (selectable and copyable, long lines wrapped, inside a word too when it is longer than
 * a line; links clickable, emoji in the emoji font) in a rounded bubble, with the time and, for outgoing messages, the delivery ticks.
 */
public final class MessageBubble extends JPanel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Object LINK = new Object() {
        @Override
        public String toString() {
            return "parley.link";
        }
    };

    final Message message;
    private final JTextPane text = new JTextPane() {
        /**
         * Filling the text moves the caret, and a moved caret scrolls itself into view: every new bubble would pull
         * the conversation to it (a page of older messages to the top, a new message to the bottom while the user
         * reads further up). Only the user's own clicks and keys move this caret. Each look brings a new caret.
         */
        @Override
        public void updateUI() {
            super.updateUI();
            setBorder(BorderFactory.createEmptyBorder()); // a look puts its margin where the border is null
            if (getCaret() instanceof DefaultCaret caret) {
                caret.setUpdatePolicy(DefaultCaret.NEVER_UPDATE);
            }
        }
    };
    private final JLabel meta = new PlainLabel();
    private Delivery delivery;
    private int naturalWidth = -1;
    /** The file the message carries, shown instead of its text (the fallback for older versions). */
    private final AttachmentView attachment;

    MessageBubble(Message message, Consumer<URI> openLink, AttachmentActions files) {
        super(new BorderLayout(0, 2));
        this.message = message;
        this.delivery = message.delivery();
        setOpaque(false);
        setName("bubble." + message.ordinal());
        text.setEditorKit(new WrapAnywhereKit()); // before the text: a new kit brings a new document
        text.setEditable(false);
        text.setOpaque(false);
        text.setName("message.text");
        text.setDragEnabled(true);
        text.setTransferHandler(files.dropping(text.getTransferHandler())); // a file dropped on a message is sent
        fill(text.getStyledDocument(), message.text());
        text.getAccessibleContext().setAccessibleName((message.outgoing() ? "You: " : "Them: ") + message.text());
        LinkClicks clicks = new LinkClicks(openLink);
        text.addMouseListener(clicks);
        text.addMouseMotionListener(clicks);
        JPanel footer = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
        footer.setOpaque(false);
        meta.setName("message.meta");
        meta.setHorizontalTextPosition(JLabel.LEFT);
        meta.setIconTextGap(4);
        footer.add(meta);
        attachment = message.attachment().map(a -> new AttachmentView(message, a, files, () -> {
            naturalWidth = -1;
            revalidate();
        })).orElse(null);
        if (attachment != null) {
            getAccessibleContext().setAccessibleName((message.outgoing() ? "You: " : "Them: ") + "file "
                    + message.attachment().orElseThrow().name());
            add(attachment, BorderLayout.CENTER);
        } else {
            add(text, BorderLayout.CENTER);
        }
        add(footer, BorderLayout.SOUTH);
        setBorder(BorderFactory.createEmptyBorder(6, 10, 4, 10));
        refreshMeta();
    }

    public Delivery delivery() {
        return delivery;
    }

    void setDelivery(Delivery next) {
        delivery = next;
        refreshMeta();
    }

    public String text() {
        return message.text();
    }

    public parley.crypto.MessageId messageId() {
        return message.id();
    }

    /** The file this message carries, as shown now (its transfer updated in place). */
    public Optional<Attachment> attachment() {
        return Optional.ofNullable(attachment).map(AttachmentView::attachment);
    }

    /** The label of the picture shown inline, when the message carries a picture (its icon once decoded). */
    public Optional<JLabel> thumbnail() {
        return Optional.ofNullable(attachment).map(AttachmentView::thumbnailLabel).filter(JLabel::isShowing);
    }

    /** The component showing the file, when there is one: its buttons and labels by name, for tests. */
    public Optional<JPanel> attachmentView() {
        return Optional.ofNullable(attachment);
    }

    void setAttachment(Attachment next) {
        if (attachment != null) {
            attachment.update(next);
        }
    }

    /** The component that shows the text (its layout, for tests of wrapping). */
    public JTextPane textPane() {
        return text;
    }

    public JLabel meta() {
        return meta;
    }

    private void refreshMeta() {
        meta.setText(TIME.withZone(ZoneId.systemDefault()).format(message.sent()));
        Color metaColour = colour("Parley.bubble.meta", Color.GRAY);
        // not the look's own (UIResource) colour: the label's new look would put its default back over it
        meta.setForeground(new Color(metaColour.getRGB(), true));
        meta.setFont(getFont() == null ? null : getFont().deriveFont(getFont().getSize2D() * 0.85f));
        if (message.outgoing()) {
            int size = Math.max(12, meta.getFontMetrics(meta.getFont()).getAscent());
            DeliveryIcon icon = new DeliveryIcon(delivery, metaColour, colour("Parley.tick.delivered", Color.BLUE), size);
            meta.setIcon(icon);
            meta.getAccessibleContext().setAccessibleName(meta.getText() + ", " + icon.description());
            meta.setToolTipText(icon.description());
        } else {
            meta.setIcon(null);
        }
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (text != null) {
            fill(text.getStyledDocument(), message.text());
            naturalWidth = -1;
            refreshMeta();
        }
    }

    /** The bubble's size when it may be at most {@code maxWidth} wide: narrow for short text, wrapped for long. */
    Dimension sizeFor(int maxWidth) {
        Insets in = getInsets();
        if (attachment != null) {
            Dimension view = attachment.getPreferredSize();
            int width = Math.max(meta.getPreferredSize().width, Math.min(view.width, maxWidth - in.left - in.right));
            return new Dimension(width + in.left + in.right, view.height + 2 + meta.getPreferredSize().height + in.top + in.bottom);
        }
        if (naturalWidth < 0) {
            text.setSize(new Dimension(0, 0));
            naturalWidth = text.getPreferredSize().width + 2;
        }
        int footer = meta.getPreferredSize().width;
        int textWidth = Math.max(footer, Math.min(naturalWidth, maxWidth - in.left - in.right));
        text.setSize(new Dimension(textWidth, Short.MAX_VALUE));
        int textHeight = text.getPreferredSize().height;
        return new Dimension(textWidth + in.left + in.right,
                textHeight + 2 + meta.getPreferredSize().height + in.top + in.bottom);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(colour(message.outgoing() ? "Parley.bubble.outgoing" : "Parley.bubble.incoming", Color.LIGHT_GRAY));
            int arc = UIManager.getInt("Parley.bubble.arc");
            g2.fillRoundRect(0, 0, getWidth(), getHeight(), arc, arc);
        } finally {
            g2.dispose();
        }
    }

    private static Color colour(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c != null ? c : fallback;
    }

    private static void fill(StyledDocument doc, String message) {
        try {
            doc.remove(0, doc.getLength());
            SimpleAttributeSet plain = new SimpleAttributeSet();
            StyleConstants.setForeground(plain, colour("Parley.bubble.text", Color.BLACK));
            for (MessageText.Run run : MessageText.runs(message)) {
                SimpleAttributeSet a = new SimpleAttributeSet(plain);
                switch (run) {
                    case MessageText.Plain p -> { }
                    case MessageText.Emoji e -> StyleConstants.setFontFamily(a, EmojiFont.family());
                    case MessageText.Link l -> {
                        StyleConstants.setForeground(a, colour("Parley.link", Color.BLUE));
                        StyleConstants.setUnderline(a, true);
                        a.addAttribute(LINK, l.target());
                    }
                }
                doc.insertString(doc.getLength(), run.text(), a);
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("inserting at the end of a document cannot fail", e);
        }
    }

    /** Opens a link on click and shows the hand cursor over it; selecting text still works everywhere. */
    private final class LinkClicks extends MouseAdapter {
        private final Consumer<URI> openLink;

        LinkClicks(Consumer<URI> openLink) {
            this.openLink = openLink;
        }

        private Optional<URI> linkAt(MouseEvent e) {
            int pos = text.viewToModel2D(e.getPoint());
            if (pos < 0) {
                return Optional.empty();
            }
            Element el = text.getStyledDocument().getCharacterElement(pos);
            AttributeSet attrs = el.getAttributes();
            return attrs.getAttribute(LINK) instanceof URI uri ? Optional.of(uri) : Optional.empty();
        }

        @Override
        public void mouseClicked(MouseEvent e) {
            if (e.getButton() == MouseEvent.BUTTON1 && text.getSelectionStart() == text.getSelectionEnd()) {
                linkAt(e).ifPresent(openLink);
            }
        }

        @Override
        public void mouseMoved(MouseEvent e) {
            text.setCursor(linkAt(e).isPresent() ? Cursor.getPredefinedCursor(Cursor.HAND_CURSOR)
                    : Cursor.getPredefinedCursor(Cursor.TEXT_CURSOR));
        }
    }
}
