package parley.ui.shell;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Clock;
import java.util.Optional;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.WindowConstants;
import parley.chat.Chat;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.ChatPhase;
import parley.chat.ChatService;
import parley.chat.Message;
import parley.chat.PendingInvite;
import parley.ui.chatlist.ChatListPanel;
import parley.ui.conversation.ChatActions;
import parley.ui.conversation.ChatInfoDialog;
import parley.ui.conversation.ChatInfoDialogs;
import parley.ui.conversation.ConversationPanel;
import parley.ui.invite.InviteDialog;
import parley.ui.invite.JoinDialog;
import parley.ui.kit.MessagePreview;
import parley.ui.kit.ScreenSpace;
import parley.ui.profile.DesktopProfile;
import parley.ui.settings.DownloadSection;
import parley.ui.settings.PassphraseSection;
import parley.ui.settings.SettingsDialog;
import parley.ui.settings.ThemeChoice;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;
import parley.ui.settings.ServerSection;

/**
 * The main window: menu and toolbar (one {@link ActionRegistry}), the chat list, the open conversation and the
 * status line. Chat events arrive on the chat thread and are handed to the EDT at once; everything here runs
 * on the EDT.
 */
final class MainWindow extends JFrame {
    final ActionRegistry actions = new ActionRegistry();
    final StatusLine status = new StatusLine();
    final ChatListPanel chatList;
    final ConversationPanel conversation;
    private final Notifier notifier;
    private final ChatActions chatActions;
    private final String profileName;
    private final InviteWindows invites;
    private final SettingsChoices settings;
    private final JoinFlow join;
    final ChatInfoDialogs infos;
    private final KeyActions keys;
    private String titleName;
    private final Runnable onQuit;
    private ChatService service;
    private Runnable onFirstPaint;
    /** A chat to open by name once the chats are listed ({@code parley gui --chat}). */
    private String chatToOpen;
    private boolean listed;

    MainWindow(String profileName, BackgroundTasks tasks, Clock clock, Runnable onQuit) {
        super("Parley");
        this.profileName = profileName;
        this.titleName = profileName;
        this.onQuit = onQuit;
        setName("main." + profileName);
        setIconImages(AppIcon.sizes());
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                onQuit.run();
            }

            @Override
            public void windowActivated(WindowEvent e) {
                readOpenChat();
                if (status.noticeText().startsWith("New message from")) {
                    status.notice("");
                }
            }
        });
        notifier = new Notifier(this, status);
        chatActions = new ChatActions(this, status);
        invites = new InviteWindows(this, status);
        settings = new SettingsChoices(this, notifier, tasks, status);
        chatList = new ChatListPanel(this::openChat);
        keys = new KeyActions(this, tasks, status, chatActions, invites, () -> service,
                id -> chatList.chat(id).map(Chat::name).orElse("your friend"));
        infos = keys.infos;
        join = new JoinFlow(this, tasks, clock, status, () -> service, chatList::select);
        conversation = new ConversationPanel(status, new LinkOpener(tasks, status)::open, tasks);
        bindActions();
        setJMenuBar(MainMenus.menuBar(actions));
        JPanel content = new JPanel(new BorderLayout()) {
            @Override
            public void paint(Graphics g) {
                super.paint(g);
                if (onFirstPaint != null) {
                    Runnable first = onFirstPaint;
                    onFirstPaint = null;
                    javax.swing.SwingUtilities.invokeLater(first);
                }
            }
        };
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, chatList, conversation);
        split.setDividerLocation(300);
        split.setResizeWeight(0);
        content.add(MainMenus.toolBar(actions), BorderLayout.NORTH);
        content.add(split, BorderLayout.CENTER);
        content.add(status, BorderLayout.SOUTH);
        setContentPane(content);
        setMinimumSize(new Dimension(640, 420));
        setSize(ScreenSpace.fit(new Dimension(1000, 700), getGraphicsConfiguration()));
        setLocationByPlatform(true);
        enableChatActions(false);
        refreshTitle();
    }

    void onFirstPaint(Runnable r) {
        onFirstPaint = r;
    }

    void onTheme(ThemeChoice current, java.util.function.Consumer<ThemeChoice> handler) {
        settings.onTheme(current, handler);
    }

    /** Whether notifications carry message previews, and who keeps the choice when the user changes it. */
    void onPreviews(boolean current, java.util.function.Consumer<Boolean> handler) {
        settings.onPreviews(current, handler);
    }

    /** The profile is open, protected by a passphrase or not: Settings can now set, change or remove it. */
    void profileOpen(DesktopProfile open, boolean protectedByPassphrase) {
        settings.profileOpen(open, protectedByPassphrase);
    }

    private void bindActions() {
        actions.bind(AppAction.NEW_INVITE, () -> invites.create(service));
        actions.bind(AppAction.JOIN, join::open);
        actions.bind(AppAction.FIND_CHAT, chatList::focusFind);
        actions.bind(AppAction.RENAME_CHAT, () -> openChatSnapshot().ifPresent(c -> chatActions.rename(service, c)));
        actions.bind(AppAction.DELETE_CHAT, () -> openChatSnapshot().ifPresent(c -> chatActions.delete(service, c)));
        actions.bind(AppAction.CHAT_INFO, () -> openChatSnapshot().ifPresent(keys::details));
        actions.bind(AppAction.VERIFY_CHAT, () -> openChatSnapshot().ifPresent(keys::verify));
        actions.bind(AppAction.REFRESH_KEYS, () -> openChatSnapshot().ifPresent(c -> keys.refresh(c.id())));
        actions.bind(AppAction.SETTINGS, settings::show);
        actions.bind(AppAction.QUIT, onQuit);
    }

    /** The chat service is running: show its chats and follow its events. */
    void attach(ChatService chats) {
        Edt.require();
        service = chats;
        settings.onDownloads(new DownloadSection.Limit() {
            @Override
            public java.util.concurrent.CompletableFuture<Long> current() {
                return chats.files().autoDownloadLimit();
            }

            @Override
            public java.util.concurrent.CompletableFuture<Void> set(long bytes) {
                return chats.files().setAutoDownloadLimit(bytes);
            }
        });
        chats.addListener(event -> javax.swing.SwingUtilities.invokeLater(() -> onEvent(event)));
        chats.chats().whenCompleteAsync(Edt.guard((all, failure) -> {
            if (failure != null) {
                status.notice("Could not list the chats: " + Failures.message(failure));
                return;
            }
            all.forEach(chatList::put);
            listed = true;
            if (chatToOpen != null) {
                openRequestedChat();
            }
            for (Chat c : all) {
                chats.history(c.id(), Long.MAX_VALUE, 1).thenAcceptAsync(Edt.guard(last ->
                        last.stream().findFirst().ifPresent(m -> chatList.lastMessage(c.id(), m))), Edt.EXECUTOR);
            }
            refreshSummary();
        }), Edt.EXECUTOR);
        actions.setEnabled(AppAction.NEW_INVITE, true);
        actions.setEnabled(AppAction.JOIN, true);
        actions.setEnabled(AppAction.FIND_CHAT, true);
        refreshSummary();
    }

    /**
     * Opens the chat the command line would call {@code nameOrId} (once the chats are listed); says in the status
     * line when there is none.
     */
    void openChat(String nameOrId) {
        Edt.require();
        chatToOpen = nameOrId;
        if (listed) {
            openRequestedChat();
        }
    }

    private void openRequestedChat() {
        String nameOrId = chatToOpen;
        chatToOpen = null;
        service.resolve(nameOrId).whenCompleteAsync(Edt.guard((id, failure) -> {
            if (failure != null) {
                status.notice(Failures.sentence(failure));
            } else {
                chatList.select(id);
                openChat(id);
            }
        }), Edt.EXECUTOR);
    }

    /** Whether a chat is open, shows its newest messages and is online: "one chat open" in start-up measurements. */
    boolean openChatShown() {
        return conversation.newestShown()
                && openChatSnapshot().filter(c -> c.connection().status() == Chat.Connection.Status.ONLINE).isPresent();
    }

    Optional<ChatService> service() {
        return Optional.ofNullable(service);
    }

    private void onEvent(ChatEvent event) {
        switch (event) {
            case ChatEvent.ChatChanged(ChatId id, Chat snapshot) -> changed(snapshot);
            case ChatEvent.InviteLive(ChatId id, PendingInvite invite) -> invites.live(id);
            case ChatEvent.ChatReady(ChatId id, Chat snapshot) -> {
                changed(snapshot);
                if (invites.joined(id, snapshot, name -> service.rename(id, name))) {
                    chatList.select(id);
                }
                status.notice("Chat with " + snapshot.name() + " is ready");
            }
            case ChatEvent.ChatRemoved(ChatId id, String why) -> {
                chatList.remove(id);
                if (conversation.current().filter(id::equals).isPresent()) {
                    conversation.close();
                    enableChatActions(false);
                }
                invites.ended(id, why);
                infos.removed(id);
                refreshSummary();
            }
            case ChatEvent.JoinUnanswered(ChatId id) -> status.notice("No welcome yet from "
                    + chatList.chat(id).map(Chat::name).orElse("the inviter") + "; still waiting");
            case ChatEvent.MessageAdded(ChatId id, Message m) -> messageAdded(m);
            case ChatEvent.DeliveryChanged(ChatId id, var message, var delivery) ->
                    conversation.deliveryChanged(id, message, delivery);
            case ChatEvent.PayloadDropped d -> { } // counted by the service, never shown
            case ChatEvent.TransferChanged(ChatId id, var message, var attachment) ->
                    conversation.transferChanged(id, message, attachment);
        }
    }

    private void changed(Chat next) {
        Chat snapshot = readWhileLooking(next);
        invites.changed(snapshot);
        chatList.chat(snapshot.id()).filter(before -> before.phase() == ChatPhase.JOINING
                && snapshot.phase() == ChatPhase.EXPIRED).ifPresent(before -> status.notice("The invite from "
                + snapshot.name() + " expired before they answered: ask for a new invite"));
        chatList.chat(snapshot.id()).filter(before -> before.epoch() < snapshot.epoch()).ifPresent(before ->
                status.notice("New keys with " + snapshot.name() + " (key epoch " + snapshot.epoch() + ")"));
        chatList.put(snapshot);
        conversation.update(snapshot);
        infos.changed(snapshot);
        if (conversation.current().filter(snapshot.id()::equals).isPresent()) {
            enableChatActions(true);
        }
        refreshSummary();
        refreshTitle();
    }

    /** An incoming message is read (in {@link #changed}) when the user looks at its chat, else announced. */
    private void messageAdded(Message m) {
        chatList.lastMessage(m.chat(), m);
        conversation.messageAdded(m);
        if (!m.outgoing() && !isFocused()) {
            notifier.newMessage(chatList.chat(m.chat()).map(Chat::name).orElse("a chat"), MessagePreview.of(m));
        }
    }

    /**
     * The user reads the open chat of the focused window as its messages come: the service counts each as unread
     * until it hears so, and that count is not to flash up in the title and the list on its way back to zero.
     */
    private Chat readWhileLooking(Chat c) {
        if (c.unread() == 0 || !isFocused() || conversation.current().filter(c.id()::equals).isEmpty()) {
            return c;
        }
        service.markRead(c.id());
        return c.read();
    }

    private void readOpenChat() {
        conversation.current().flatMap(chatList::chat).filter(c -> c.unread() > 0)
                .ifPresent(c -> service.markRead(c.id()));
    }

    private void openChat(ChatId id) {
        chatList.chat(id).ifPresent(c -> {
            if (conversation.current().filter(id::equals).isEmpty()) {
                conversation.open(service, c);
            }
            enableChatActions(true);
            if (c.unread() > 0) {
                service.markRead(id);
            }
        });
    }

    private Optional<Chat> openChatSnapshot() {
        return conversation.current().flatMap(chatList::chat);
    }

    /** The open chat's commands; verifying and refreshing keys need an agreed chat. */
    private void enableChatActions(boolean on) {
        actions.setEnabled(AppAction.RENAME_CHAT, on);
        actions.setEnabled(AppAction.DELETE_CHAT, on);
        actions.setEnabled(AppAction.CHAT_INFO, on);
        Optional<Chat> agreed = on ? openChatSnapshot().filter(c -> c.phase() == ChatPhase.ACTIVE) : Optional.empty();
        actions.setEnabled(AppAction.VERIFY_CHAT, agreed.isPresent());
        actions.setEnabled(AppAction.REFRESH_KEYS, agreed.filter(c -> !c.rekeying()).isPresent());
        if (service == null) {
            actions.setEnabled(AppAction.NEW_INVITE, false);
            actions.setEnabled(AppAction.JOIN, false);
        }
    }

    /** The join dialog with {@code link} filled in, as {@link JoinFlow#open(String)}. */
    void joinLink(String link) {
        join.open(link);
    }

    /** One line about all connections: failures first, then reconnects, then all online. */
    private void refreshSummary() {
        if (service != null) {
            status.connection(ConnectionSummary.of(chatList.chats()));
        }
    }

    /** Who keeps the server that Settings can change (set once the chats run). */
    void onServer(ServerSection.Change change) {
        settings.onServer(change);
    }

    /** The title names the user (not the profile's folder) once the profile says who they are. */
    void userName(String name) {
        titleName = name;
        refreshTitle();
    }

    private void refreshTitle() {
        int unread = chatList.chats().stream().mapToInt(Chat::unread).sum();
        setTitle((unread > 0 ? "(" + unread + ") " : "") + "Parley — " + titleName);
    }

    void closeWindows() {
        invites.closeAll();
        infos.closeAll();
        notifier.close();
        dispose();
    }
}
