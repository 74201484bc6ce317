package parley.ui.chatlist;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JToolTip;
import javax.swing.ListSelectionModel;
import parley.chat.Chat;
import parley.crypto.ChatId;
import parley.ui.kit.DocumentEdits;
import parley.ui.kit.MessagePreview;
import parley.ui.kit.PlainText;

/**
 * The chats, most recent first, with a find field (Ctrl+K) that filters them by name. Selecting a row opens the
 * chat. Only touched on the EDT.
 */
public final class ChatListPanel extends JPanel {
    private final Map<ChatId, ChatEntry> entries = new LinkedHashMap<>();
    private final DefaultListModel<ChatEntry> model = new DefaultListModel<>();
    private final JList<ChatEntry> list = new JList<>(model) {
        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true; // long previews are cut, never scrolled sideways
        }

        @Override
        public JToolTip createToolTip() {
            return PlainText.tip(super.createToolTip()); // a row's tooltip says what the broker said
        }
    };
    private final JTextField find = new JTextField();
    private boolean refreshing;

    public ChatListPanel(Consumer<ChatId> onOpen) {
        super(new BorderLayout(0, 6));
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 0));
        find.setName("chats.find");
        find.putClientProperty("JTextField.placeholderText", "Find a chat (Ctrl+K)");
        find.putClientProperty("JTextField.showClearButton", true);
        find.getAccessibleContext().setAccessibleName("Find a chat");
        DocumentEdits.onAnyEdit(find.getDocument(), this::refresh);
        find.getInputMap().put(javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_ESCAPE, 0), "parley-clear");
        find.getActionMap().put("parley-clear", new javax.swing.AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                find.setText(""); // all chats again, and the list takes the keyboard
                list.requestFocusInWindow();
            }
        });
        find.addActionListener(e -> {
            if (!model.isEmpty()) {
                list.setSelectedIndex(0);
                list.requestFocusInWindow();
            }
        });
        list.setName("chats.list");
        list.getAccessibleContext().setAccessibleName("Chats");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new ChatListRenderer());
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !refreshing && list.getSelectedValue() != null) {
                onOpen.accept(list.getSelectedValue().chat().id());
            }
        });
        add(find, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(list, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        add(scroll, BorderLayout.CENTER);
    }

    public void focusFind() {
        find.requestFocusInWindow();
        find.selectAll();
    }

    public void put(Chat chat) {
        entries.merge(chat.id(), new ChatEntry(chat, Optional.empty()), (old, fresh) -> old.with(chat));
        refresh();
    }

    /** The chat's newest message: the row previews it (a picture as "Photo", a file by its name) and shows its time. */
    public void lastMessage(ChatId id, parley.chat.Message m) {
        entries.computeIfPresent(id, (k, e) -> e.withLast(new ChatEntry.Last(MessagePreview.of(m), m.sent(), m.ordinal())));
        refresh();
    }

    public void remove(ChatId id) {
        entries.remove(id);
        refresh();
    }

    public Optional<Chat> chat(ChatId id) {
        return Optional.ofNullable(entries.get(id)).map(ChatEntry::chat);
    }

    public List<Chat> chats() {
        return entries.values().stream().map(ChatEntry::chat).toList();
    }

    public void select(ChatId id) {
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).chat().id().equals(id)) {
                list.setSelectedIndex(i);
                list.ensureIndexIsVisible(i);
                return;
            }
        }
    }

    public JList<ChatEntry> rows() {
        return list;
    }

    /** Rebuilds the visible rows from the entries, keeping the selection without re-opening the chat. */
    private void refresh() {
        ChatId selected = list.getSelectedValue() == null ? null : list.getSelectedValue().chat().id();
        String filter = find.getText().strip().toLowerCase(Locale.ROOT);
        List<ChatEntry> visible = new ArrayList<>(entries.values().stream()
                .filter(e -> filter.isEmpty() || e.chat().name().toLowerCase(Locale.ROOT).contains(filter))
                .toList());
        visible.sort(Comparator.comparing(ChatEntry::activity).reversed());
        refreshing = true;
        try {
            model.clear();
            model.addAll(visible);
            if (selected != null) {
                select(selected);
            }
        } finally {
            refreshing = false;
        }
    }
}
