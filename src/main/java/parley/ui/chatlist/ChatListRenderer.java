package parley.ui.chatlist;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;
import parley.chat.Chat;
import parley.chat.ChatPhase;
import parley.ui.kit.PlainLabel;
import parley.ui.kit.VerifiedBadge;

/**
 * Draws a chat list row: connection dot, name with the verified mark, time, last message (one line) and the unread
 * badge.
 */
public final class ChatListRenderer implements ListCellRenderer<ChatEntry> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT);

    private final JPanel row = new JPanel(new BorderLayout(8, 2));
    private final StateDot dot = new StateDot();
    private final JLabel name = new PlainLabel();
    private final JLabel time = new PlainLabel();
    /** Shown for a chat on another broker than the user's own (no login goes there). */
    public final JLabel otherBroker = new PlainLabel();
    private final PreviewLine last = new PreviewLine();
    private final Badge badge = new Badge();
    public final VerifiedBadge verified = new VerifiedBadge("chats.verified", false);

    ChatListRenderer() {
        row.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        JPanel top = new JPanel(new BorderLayout(6, 0));
        top.setOpaque(false);
        JPanel named = new JPanel(new BorderLayout(4, 0));
        named.setOpaque(false);
        named.add(name, BorderLayout.CENTER);
        JPanel marks = new JPanel(new BorderLayout(4, 0));
        marks.setOpaque(false);
        marks.add(verified, BorderLayout.WEST);
        marks.add(otherBroker, BorderLayout.EAST);
        named.add(marks, BorderLayout.EAST);
        top.add(named, BorderLayout.CENTER);
        top.add(time, BorderLayout.EAST);
        JPanel bottom = new JPanel(new BorderLayout(6, 0));
        bottom.setOpaque(false);
        bottom.add(last, BorderLayout.CENTER);
        bottom.add(badge, BorderLayout.EAST);
        JPanel text = new JPanel(new BorderLayout(0, 2));
        text.setOpaque(false);
        text.add(top, BorderLayout.NORTH);
        text.add(bottom, BorderLayout.SOUTH);
        row.add(dot, BorderLayout.WEST);
        row.add(text, BorderLayout.CENTER);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends ChatEntry> list, ChatEntry entry, int index,
                                                  boolean selected, boolean focused) {
        Chat c = entry.chat();
        Color fg = selected ? list.getSelectionForeground() : list.getForeground();
        row.setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        name.setText(c.name());
        name.setForeground(fg);
        name.setFont(list.getFont().deriveFont(c.unread() > 0 ? Font.BOLD : Font.PLAIN));
        time.setText(when(entry.shownTime()));
        time.setForeground(selected ? fg : UIManager.getColor("Label.disabledForeground"));
        last.setFont(list.getFont());
        last.setText(c.phase() == ChatPhase.ACTIVE
                ? entry.lastMessage().orElse("No messages yet")
                : c.phase() == ChatPhase.INVITED ? "Invite open: waiting for your friend"
                : c.phase() == ChatPhase.EXPIRED ? "Invite expired before they answered"
                : "Joining: waiting for the welcome");
        last.setForeground(selected ? fg : UIManager.getColor("Label.disabledForeground"));
        badge.count = c.unread();
        verified.setVisible(c.verified());
        otherBroker.setVisible(!c.broker().own());
        otherBroker.setText("other broker");
        otherBroker.setFont(list.getFont().deriveFont(list.getFont().getSize2D() * 0.85f));
        otherBroker.setForeground(selected ? fg : UIManager.getColor("Parley.warning.foreground"));
        otherBroker.setToolTipText("On " + c.broker().describe());
        dot.status = c.connection().status();
        dot.setToolTipText(c.connection().detail());
        row.getAccessibleContext().setAccessibleName(entry.spoken());
        return row;
    }

    private static String when(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneId.systemDefault());
        return day.equals(LocalDate.now()) ? TIME.withZone(ZoneId.systemDefault()).format(at) : DAY.format(day);
    }

    /** The chat's connection as a coloured dot. */
    private static final class StateDot extends JComponent {
        Chat.Connection.Status status = Chat.Connection.Status.OFFLINE;

        @Override
        public Dimension getPreferredSize() {
            return new Dimension(10, 10);
        }

        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            String key = switch (status) {
                case ONLINE -> "Parley.state.online";
                case CONNECTING, WAITING -> "Parley.state.connecting";
                case FAILED -> "Parley.state.failed";
                case OFFLINE -> "Parley.state.offline";
            };
            Color c = UIManager.getColor(key);
            g2.setColor(c != null ? c : Color.GRAY);
            int d = 8;
            g2.fillOval((getWidth() - d) / 2, (getHeight() - d) / 2, d, d);
            g2.dispose();
        }
    }

    /** The unread count in a pill; nothing when there is none. */
    private static final class Badge extends JComponent {
        int count;

        @Override
        public Dimension getPreferredSize() {
            if (count == 0) {
                return new Dimension(0, 0);
            }
            int w = getFontMetrics(getFont()).stringWidth(label()) + 10;
            return new Dimension(Math.max(w, 18), 18);
        }

        private String label() {
            return count > 99 ? "99+" : Integer.toString(count);
        }

        @Override
        public Font getFont() {
            Font f = UIManager.getFont("Label.font");
            return f.deriveFont(Font.BOLD, f.getSize2D() * 0.85f);
        }

        @Override
        protected void paintComponent(Graphics g) {
            if (count == 0) {
                return;
            }
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(UIManager.getColor("Parley.badge.background"));
            g2.fillRoundRect(0, 0, getWidth(), getHeight(), getHeight(), getHeight());
            g2.setColor(UIManager.getColor("Parley.badge.foreground"));
            g2.setFont(getFont());
            var fm = g2.getFontMetrics();
            g2.drawString(label(), (getWidth() - fm.stringWidth(label())) / 2, (getHeight() + fm.getAscent() - fm.getDescent()) / 2);
            g2.dispose();
        }
    }
}
