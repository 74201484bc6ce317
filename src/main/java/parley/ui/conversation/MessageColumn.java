package parley.ui.conversation;

import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.swing.JPanel;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import parley.chat.Attachment;
import parley.chat.Delivery;
import parley.chat.Message;
import parley.crypto.MessageId;
import parley.ui.threads.Edt;

/**
 * The messages of one chat in order of their ordinals, with a day separator before each new day. Messages come
 * from history pages (older, prepended) and from events (newer, appended); a message already shown is never
 * replaced, so a page that arrives late cannot undo a newer tick. Only touched on the EDT.
 */
public final class MessageColumn extends JPanel implements Scrollable {
    private final NavigableMap<Long, MessageBubble> bubbles = new TreeMap<>();
    private final Map<MessageId, MessageBubble> byId = new HashMap<>();
    private final Consumer<URI> openLink;
    private final AttachmentActions files;

    MessageColumn(Consumer<URI> openLink, AttachmentActions files) {
        super(new ConversationLayout());
        this.openLink = openLink;
        this.files = files;
        setName("conversation.messages");
        getAccessibleContext().setAccessibleName("Messages");
        applyColours();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        applyColours();
    }

    private void applyColours() {
        Color bg = UIManager.getColor("Parley.conversation.background");
        if (bg != null) {
            setBackground(bg);
        }
    }

    void clear() {
        bubbles.clear();
        byId.clear();
        removeAll();
        revalidate();
        repaint();
    }

    /** Adds messages not shown yet; {@code true} if any was added. */
    boolean addAll(List<Message> messages) {
        Edt.require();
        boolean appendOnly = true;
        boolean added = false;
        for (Message m : messages) {
            if (bubbles.containsKey(m.ordinal())) {
                continue;
            }
            if (!bubbles.isEmpty() && m.ordinal() < bubbles.lastKey()) {
                appendOnly = false;
            }
            MessageBubble bubble = new MessageBubble(m, openLink, files);
            if (appendOnly) {
                appendComponent(bubble);
            }
            bubbles.put(m.ordinal(), bubble);
            byId.put(m.id(), bubble);
            added = true;
        }
        if (!appendOnly) {
            rebuild();
        }
        revalidate();
        repaint();
        return added;
    }

    void setDelivery(MessageId id, Delivery delivery) {
        MessageBubble bubble = byId.get(id);
        if (bubble != null) {
            bubble.setDelivery(delivery);
            bubble.revalidate();
            bubble.repaint();
        }
    }

    /** A file's transfer moved on: its bubble shows it in place (a picture appears once complete). */
    void setAttachment(MessageId id, Attachment attachment) {
        MessageBubble bubble = byId.get(id);
        if (bubble != null) {
            bubble.setAttachment(attachment);
            bubble.revalidate();
            bubble.repaint();
        }
    }

    OptionalLong oldestOrdinal() {
        return bubbles.isEmpty() ? OptionalLong.empty() : OptionalLong.of(bubbles.firstKey());
    }

    int messageCount() {
        return bubbles.size();
    }

    long queued() {
        return bubbles.values().stream().filter(b -> b.delivery() == Delivery.QUEUED).count();
    }

    public List<MessageBubble> bubbles() {
        return List.copyOf(bubbles.values());
    }

    private void appendComponent(MessageBubble bubble) {
        LocalDate day = dayOf(bubble.message);
        Component last = getComponentCount() == 0 ? null : getComponent(getComponentCount() - 1);
        if (!(last instanceof MessageBubble lastBubble) || !dayOf(lastBubble.message).equals(day)) {
            add(new DaySeparator(day, LocalDate.now()));
        }
        add(bubble);
    }

    private void rebuild() {
        removeAll();
        for (MessageBubble b : bubbles.values()) {
            appendComponent(b);
        }
    }

    private static LocalDate dayOf(Message m) {
        return LocalDate.ofInstant(m.sent(), ZoneId.systemDefault());
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 24;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? Math.max(24, visible.height - 48) : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    /** Fills the view when the messages are fewer, so that they can sit at its bottom. */
    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() != null && getPreferredSize().height < getParent().getHeight();
    }
}
