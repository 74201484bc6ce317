package parley.ui.conversation;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.SwingConstants;
import javax.swing.TransferHandler;
import parley.chat.Attachment;
import parley.chat.Chat;
import parley.crypto.ChatId;
import parley.chat.ChatPhase;
import parley.chat.ChatService;
import parley.chat.Delivery;
import parley.chat.Message;
import parley.crypto.MessageId;
import parley.ui.kit.PlainLabel;
import parley.ui.kit.VerifiedBadge;
import parley.ui.shell.StatusLine;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/**
 * The open chat: a header with its name, the verified mark and its state, the messages (history paged in as the
 * user scrolls up; files inline or as cards), and the composer (files attached by its paper clip, by dropping them on
 * the messages or pasting them into it). Only touched on the EDT; it asks the chat service with futures whose results
 * come back here.
 */
public final class ConversationPanel extends JPanel {
    public static final int PAGE = 50;
    /** Load the next older page when the view is this close to the top. */
    private static final int PAGE_MARGIN_PX = 400;

    private final StatusLine status;
    private final JLabel title = new PlainLabel();
    private final JLabel state = new PlainLabel();
    public final VerifiedBadge verified = new VerifiedBadge("conversation.verified", true);
    private final MessageColumn column;
    private final JScrollPane scroll;
    private final JPanel header;
    private final Composer composer;
    private final CardLayout cards = new CardLayout();
    private final JPanel body = new JPanel(cards);
    private ChatService service;
    private Chat chat;
    private boolean loading;
    private boolean reachedStart;
    private boolean newestShown;
    /** A page is being put in: scroll bar moves meanwhile are the layout's, not the user's. */
    private boolean applyingPage;
    /** Counts chat switches, so that a page for a chat no longer open is dropped. */
    private int generation;

    public ConversationPanel(StatusLine status, Consumer<URI> openLink, BackgroundTasks tasks) {
        super(new BorderLayout());
        this.status = status;
        FileSending sending = new FileSending(this, tasks, status, () -> service, () -> chat);
        UnaryOperator<TransferHandler> files = own -> new FileTransferHandler(own, paths -> sending.attach(paths, false),
                sending::pasted);
        this.column = new MessageColumn(openLink, new AttachmentActions(this, tasks, status, () -> service, files));
        this.composer = new Composer(this::send, sending::choose, files);
        column.setTransferHandler(files.apply(null)); // files dropped anywhere on the messages
        setName("conversation");
        title.setName("conversation.title");
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() * 1.2f));
        state.setName("conversation.state");
        header = new JPanel(new BorderLayout(0, 2)) {
            @Override
            public void updateUI() {
                super.updateUI();
                setBorder(headerBorder()); // the rule under the header in the colour of the look now in place
            }
        };
        JPanel titleRow = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        titleRow.add(title);
        titleRow.add(Box.createHorizontalStrut(8));
        titleRow.add(verified);
        verified.setVisible(false);
        header.add(titleRow, BorderLayout.NORTH);
        header.add(state, BorderLayout.SOUTH);
        scroll = new JScrollPane(column) {
            @Override
            public void updateUI() {
                super.updateUI();
                setBorder(BorderFactory.createEmptyBorder()); // a look installs its frame where the border is null
            }
        };
        scroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.getVerticalScrollBar().addAdjustmentListener(e -> maybeLoadOlder());
        JPanel open = new JPanel(new BorderLayout());
        open.add(header, BorderLayout.NORTH);
        open.add(scroll, BorderLayout.CENTER);
        open.add(composer, BorderLayout.SOUTH);
        // two plain labels, not HTML: the first window must not load Swing's HTML engine (~90 classes at start)
        JPanel empty = new JPanel(new GridBagLayout());
        JPanel lines = new JPanel(new GridLayout(0, 1, 0, 8));
        lines.setOpaque(false);
        JLabel noChat = new PlainLabel("No chat open.", SwingConstants.CENTER);
        JLabel hint = new PlainLabel("Start one with New invite (Ctrl+N) or Join (Ctrl+J).", SwingConstants.CENTER);
        lines.add(noChat);
        lines.add(hint);
        empty.add(lines);
        empty.setName("conversation.empty");
        body.add(empty, "empty");
        body.add(open, "open");
        add(body, BorderLayout.CENTER);
        cards.show(body, "empty");
    }

    public Optional<ChatId> current() {
        return Optional.ofNullable(chat).map(Chat::id);
    }

    /** Opens {@code next}: shows the newest page of its history and keeps it up to date from events. */
    public void open(ChatService chats, Chat next) {
        Edt.require();
        service = chats;
        generation++;
        chat = next;
        reachedStart = false;
        newestShown = false;
        loading = false;
        column.clear();
        cards.show(body, "open");
        update(next);
        loadPage(Long.MAX_VALUE, true);
        composer.input().requestFocusInWindow();
    }

    public void close() {
        generation++;
        chat = null;
        column.clear();
        cards.show(body, "empty");
    }

    /** The chat's snapshot changed: header, state, composer. */
    public void update(Chat next) {
        if (chat == null || !chat.id().equals(next.id())) {
            return;
        }
        chat = next;
        title.setText(next.name());
        title.getAccessibleContext().setAccessibleName("Chat with " + next.name() + (next.verified() ? ", verified" : ""));
        verified.setVisible(next.verified());
        state.setText(stateLine(next));
        switch (next.phase()) {
            case ACTIVE -> composer.setWritable(true, "");
            case INVITED -> composer.setWritable(false, "Waiting for your friend to join the invite");
            case JOINING -> composer.setWritable(false, "Waiting for " + next.name() + " to welcome you");
            case EXPIRED -> composer.setWritable(false, "The invite expired before " + next.name()
                    + " answered: delete this chat and ask for a new invite");
        }
        refreshQueued();
    }

    static String stateLine(Chat c) {
        // a verified chat says so once, with the badge beside the name
        String phase = c.phase() == ChatPhase.ACTIVE ? "end-to-end encrypted"
                : c.phase() == ChatPhase.INVITED ? "invite open" : c.phase() == ChatPhase.EXPIRED ? "invite expired"
                : "joining";
        return phase + " · " + c.connection().detail();
    }

    public void messageAdded(Message m) {
        if (chat == null || !chat.id().equals(m.chat())) {
            return;
        }
        boolean atBottom = isAtBottom();
        column.addAll(List.of(m));
        if (atBottom || m.outgoing()) {
            scrollToBottomLater();
        }
        refreshQueued();
    }

    /** A file's transfer moved on: its bubble follows in place. */
    public void transferChanged(ChatId id, MessageId message, Attachment attachment) {
        if (chat != null && chat.id().equals(id)) {
            column.setAttachment(message, attachment);
        }
    }

    public void deliveryChanged(ChatId id, MessageId message, Delivery delivery) {
        if (chat != null && chat.id().equals(id)) {
            column.setDelivery(message, delivery);
            refreshQueued();
        }
    }

    public MessageColumn column() {
        return column;
    }

    public JScrollPane scroll() {
        return scroll;
    }

    Composer composer() {
        return composer;
    }

    private void refreshQueued() {
        long queued = column.queued();
        if (queued > 0 && chat != null) {
            status.notice(queued + (queued == 1 ? " message waits" : " messages wait") + " to be sent in "
                    + chat.name() + " (" + chat.connection().detail() + ")");
        } else if (status.noticeText().contains(" to be sent in ")) {
            status.notice("");
        }
    }

    private void send(String text) {
        ChatId id = chat.id();
        service.send(id, text).whenCompleteAsync(Edt.guard((message, failure) -> {
            if (failure != null) {
                status.notice("Not sent: " + Failures.message(failure));
                if (chat != null && chat.id().equals(id)) {
                    composer.restore(text);
                }
            }
        }), Edt.EXECUTOR);
    }

    private void maybeLoadOlder() {
        if (chat != null && !loading && !applyingPage && !reachedStart
                && scroll.getVerticalScrollBar().getValue() < PAGE_MARGIN_PX && column.oldestOrdinal().isPresent()) {
            loadPage(column.oldestOrdinal().getAsLong(), false);
        }
    }

    private void loadPage(long before, boolean newest) {
        loading = true;
        int gen = generation;
        ChatId id = chat.id();
        service.history(id, before, PAGE).whenCompleteAsync(Edt.guard((page, failure) -> {
            if (gen != generation) {
                return;
            }
            loading = false;
            if (failure != null) {
                status.notice("Could not load the history: " + Failures.message(failure));
                return;
            }
            reachedStart = page.size() < PAGE;
            applyPage(page.reversed(), newest);
        }), Edt.EXECUTOR);
    }

    /**
     * Prepends older messages and keeps the messages the user is looking at where they were (the newest page: at
     * the bottom), in one go: the layout in between moves the scroll bar while it still holds the old position,
     * near the top, which is not the user asking for more. Then, once, loads another page if the view is still
     * near the top (a short page).
     */
    private void applyPage(List<Message> oldestFirst, boolean newest) {
        JScrollBar bar = scroll.getVerticalScrollBar();
        int fromBottom = column.getHeight() - bar.getValue();
        applyingPage = true;
        try {
            column.addAll(oldestFirst);
            scroll.validate();
            bar.setValue(newest ? bar.getMaximum() : column.getHeight() - fromBottom);
        } finally {
            applyingPage = false;
        }
        if (newest) {
            scrollToBottomLater(); // again once the window has laid out a conversation it has just switched to
            int gen = generation;
            javax.swing.SwingUtilities.invokeLater(() -> newestShown = gen == generation);
        }
        refreshQueued();
        maybeLoadOlder();
    }

    private static javax.swing.border.Border headerBorder() {
        return BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, javax.swing.UIManager.getColor("Separator.foreground")),
                BorderFactory.createEmptyBorder(8, 12, 8, 12));
    }

    /**
     * A new look changes every bubble's height: a conversation read at its bottom stays at its bottom. Called
     * before the children get the new look, so the position read here is still the old layout's.
     */
    @Override
    public void updateUI() {
        super.updateUI();
        if (scroll != null && chat != null && isAtBottom()) {
            scrollToBottomLater();
        }
    }

    private boolean isAtBottom() {
        JScrollBar bar = scroll.getVerticalScrollBar();
        return bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - 24;
    }

    private void scrollToBottomLater() {
        javax.swing.SwingUtilities.invokeLater(() -> {
            scroll.validate();
            JScrollBar bar = scroll.getVerticalScrollBar();
            bar.setValue(bar.getMaximum());
        });
    }

    /** Whether the open chat's newest messages are laid out and scrolled into view. */
    public boolean newestShown() {
        return newestShown;
    }
}
