package parley.ui.shell;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JToolBar;
import javax.swing.WindowConstants;
import parley.chat.Chat;
import parley.chat.ChatEvent;
import parley.chat.ChatId;
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
import parley.ui.kit.ScreenSpace;
import parley.ui.profile.DesktopProfile;
import parley.ui.settings.PassphraseSection;
import parley.ui.settings.SettingsDialog;
import parley.ui.settings.ThemeChoice;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

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
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final String profileName;
    private final Map<ChatId, InviteDialog> invites = new HashMap<>();
    final ChatInfoDialogs infos = new ChatInfoDialogs();
    private final Runnable onQuit;
    private ChatService service;
    private ThemeChoice theme = ThemeChoice.SYSTEM;
    private java.util.function.Consumer<ThemeChoice> onTheme = t -> { };
    private boolean previews;
    private java.util.function.Consumer<Boolean> onPreviews = p -> { };
    private Runnable onFirstPaint;
    /** A chat to open by name once the chats are listed ({@code parley gui --chat}). */
    private String chatToOpen;
    private boolean listed;
    private DesktopProfile profile;
    private boolean hasPassphrase;

    MainWindow(String profileName, BackgroundTasks tasks, Clock clock, Runnable onQuit) {
        super("Parley");
        this.profileName = profileName;
        this.tasks = tasks;
        this.clock = clock;
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
        chatList = new ChatListPanel(this::openChat);
        conversation = new ConversationPanel(status, this::openLink);
        bindActions();
        setJMenuBar(menuBar());
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
        content.add(toolBar(), BorderLayout.NORTH);
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
        theme = current;
        onTheme = handler;
    }

    /** Whether notifications carry message previews, and who keeps the choice when the user changes it. */
    void onPreviews(boolean current, java.util.function.Consumer<Boolean> handler) {
        previews = current;
        notifier.showPreviews(current);
        onPreviews = handler;
    }

    /** The profile is open, protected by a passphrase or not: Settings can now set, change or remove it. */
    void profileOpen(DesktopProfile open, boolean protectedByPassphrase) {
        profile = open;
        hasPassphrase = protectedByPassphrase;
    }

    private void bindActions() {
        actions.bind(AppAction.NEW_INVITE, this::newInvite);
        actions.bind(AppAction.JOIN, this::join);
        actions.bind(AppAction.FIND_CHAT, chatList::focusFind);
        actions.bind(AppAction.RENAME_CHAT, () -> openChatSnapshot().ifPresent(c -> chatActions.rename(service, c)));
        actions.bind(AppAction.DELETE_CHAT, () -> openChatSnapshot().ifPresent(c -> chatActions.delete(service, c)));
        actions.bind(AppAction.CHAT_INFO, () -> openChatSnapshot().ifPresent(c -> {
            if (c.phase() == ChatPhase.ACTIVE) {
                showInfo(c);
            } else if (chatActions.showDetails(c)) {
                service.pendingInvite(c.id()).whenCompleteAsync(Edt.guard((invite, failure) -> {
                    if (failure == null) {
                        showInvite(invite);
                    } else {
                        status.notice(Failures.message(failure));
                    }
                }), Edt.EXECUTOR);
            }
        }));
        actions.bind(AppAction.VERIFY_CHAT, () -> openChatSnapshot().ifPresent(this::showInfo));
        actions.bind(AppAction.REFRESH_KEYS, () -> openChatSnapshot().ifPresent(c -> refreshKeys(c.id())));
        actions.bind(AppAction.SETTINGS, () -> new SettingsDialog(this, theme, choice -> {
            theme = choice;
            onTheme.accept(choice);
        }, previews, on -> {
            previews = on;
            notifier.showPreviews(on);
            onPreviews.accept(on);
        }, Optional.ofNullable(profile).map(p -> new PassphraseSection(p, hasPassphrase, tasks,
                set -> hasPassphrase = set, status::notice))).setVisible(true));
        actions.bind(AppAction.QUIT, onQuit);
    }

    private JMenuBar menuBar() {
        JMenuBar bar = new JMenuBar();
        JMenu parley = new JMenu("Parley");
        parley.setMnemonic('P');
        parley.add(actions.menuItem(AppAction.NEW_INVITE));
        parley.add(actions.menuItem(AppAction.JOIN));
        parley.addSeparator();
        parley.add(actions.menuItem(AppAction.SETTINGS));
        parley.addSeparator();
        parley.add(actions.menuItem(AppAction.QUIT));
        JMenu chat = new JMenu("Chat");
        chat.setMnemonic('C');
        chat.add(actions.menuItem(AppAction.FIND_CHAT));
        chat.addSeparator();
        chat.add(actions.menuItem(AppAction.RENAME_CHAT));
        chat.add(actions.menuItem(AppAction.CHAT_INFO));
        chat.add(actions.menuItem(AppAction.VERIFY_CHAT));
        chat.add(actions.menuItem(AppAction.REFRESH_KEYS));
        chat.add(actions.menuItem(AppAction.DELETE_CHAT));
        bar.add(parley);
        bar.add(chat);
        return bar;
    }

    private JToolBar toolBar() {
        JToolBar bar = new JToolBar("Actions");
        bar.setFloatable(false);
        bar.add(actions.toolbarButton(AppAction.NEW_INVITE));
        bar.add(actions.toolbarButton(AppAction.JOIN));
        bar.addSeparator();
        bar.add(actions.toolbarButton(AppAction.CHAT_INFO));
        bar.add(actions.toolbarButton(AppAction.VERIFY_CHAT));
        return bar;
    }

    /** The chat service is running: show its chats and follow its events. */
    void attach(ChatService chats) {
        Edt.require();
        service = chats;
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
                        last.stream().findFirst().ifPresent(m -> chatList.lastMessage(c.id(), m.text()))), Edt.EXECUTOR);
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
                status.notice(Failures.message(failure));
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
            case ChatEvent.InviteLive(ChatId id, PendingInvite invite) -> {
                InviteDialog dialog = invites.get(id);
                if (dialog != null) {
                    dialog.live();
                }
            }
            case ChatEvent.ChatReady(ChatId id, Chat snapshot) -> {
                changed(snapshot);
                InviteDialog dialog = invites.remove(id);
                if (dialog != null) {
                    dialog.joined();
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
                InviteDialog dialog = invites.remove(id);
                if (dialog != null) {
                    dialog.ended(why);
                }
                infos.removed(id);
                refreshSummary();
            }
            case ChatEvent.JoinUnanswered(ChatId id) -> status.notice("No welcome yet from "
                    + chatList.chat(id).map(Chat::name).orElse("the inviter") + "; still waiting");
            case ChatEvent.MessageAdded(ChatId id, Message m) -> messageAdded(m);
            case ChatEvent.DeliveryChanged(ChatId id, var message, var delivery) ->
                    conversation.deliveryChanged(id, message, delivery);
            case ChatEvent.PayloadDropped d -> { } // counted by the service, never shown
        }
    }

    private void changed(Chat next) {
        Chat snapshot = readWhileLooking(next);
        InviteDialog dialog = invites.get(snapshot.id());
        if (dialog != null && snapshot.phase() == ChatPhase.INVITED) {
            dialog.notLiveYet(snapshot.connection().detail());
        }
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
        chatList.lastMessage(m.chat(), m.text());
        conversation.messageAdded(m);
        if (!m.outgoing() && !isFocused()) {
            notifier.newMessage(chatList.chat(m.chat()).map(Chat::name).orElse("a chat"), m.text());
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

    private void showInfo(Chat chat) {
        infos.show(chat.id(), () -> new ChatInfoDialog(this, service, chat, tasks, () -> refreshKeys(chat.id())));
    }

    private void refreshKeys(ChatId id) {
        String name = chatList.chat(id).map(Chat::name).orElse("your friend");
        service.rekey(id).whenCompleteAsync(Edt.guard((ok, failure) -> status.notice(failure == null
                ? "Refreshing the keys with " + name + "…" : "Keys not refreshed: " + Failures.message(failure))),
                Edt.EXECUTOR);
    }

    private void newInvite() {
        status.notice("Making an invite…");
        service.createInvite(Optional.empty()).whenCompleteAsync(Edt.guard((invite, failure) -> {
            if (failure != null) {
                status.notice("No invite: " + Failures.message(failure));
                return;
            }
            status.notice("");
            showInvite(invite);
        }), Edt.EXECUTOR);
    }

    private void showInvite(PendingInvite invite) {
        InviteDialog dialog = invites.get(invite.chat());
        if (dialog == null || !dialog.isDisplayable()) {
            dialog = new InviteDialog(this, invite, () -> {
                invites.remove(invite.chat());
                service.delete(invite.chat());
            });
            invites.put(invite.chat(), dialog);
        }
        dialog.setVisible(true);
        dialog.toFront();
    }

    private void join() {
        joinDialog().setVisible(true);
    }

    /**
     * The join dialog with {@code link} filled in as if pasted (the app was started with a {@code parley:} link):
     * the user joins it the way a pasted link is joined, through the confirmation.
     */
    void joinLink(String link) {
        JoinDialog dialog = joinDialog();
        dialog.fill(link);
        dialog.setVisible(true);
        dialog.toFront();
    }

    private JoinDialog joinDialog() {
        return new JoinDialog(this, tasks, clock, service::brokerOf, link -> service.join(link).whenCompleteAsync(Edt.guard((id, failure) -> {
            if (failure != null) {
                status.notice("Could not join: " + Failures.message(failure));
            } else {
                status.notice("Joined; waiting for the welcome");
                chatList.select(id);
            }
        }), Edt.EXECUTOR));
    }

    private void openLink(URI uri) {
        tasks.run("Opening " + uri.getHost(), () -> {
            if (!java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                throw new UnsupportedOperationException("this desktop cannot open links; the link is " + uri);
            }
            java.awt.Desktop.getDesktop().browse(uri);
            return null;
        }, ok -> { }, failure -> status.notice(Failures.message(failure)));
    }

    /** One line about all connections: failures first, then reconnects, then all online. */
    private void refreshSummary() {
        if (service == null) {
            return;
        }
        List<Chat> chats = chatList.chats();
        Optional<Chat> failed = chats.stream().filter(c -> c.connection().status() == Chat.Connection.Status.FAILED).findFirst();
        Optional<Chat> trying = chats.stream().filter(c -> c.connection().status() == Chat.Connection.Status.CONNECTING
                || c.connection().status() == Chat.Connection.Status.WAITING).findFirst();
        long online = chats.stream().filter(c -> c.connection().status() == Chat.Connection.Status.ONLINE).count();
        String text;
        if (chats.isEmpty()) {
            text = "Ready: no chats yet";
        } else if (failed.isPresent()) {
            text = "Connection failed (" + failed.get().name() + "): " + failed.get().connection().detail();
        } else if (trying.isPresent()) {
            text = "Reconnecting (" + trying.get().name() + "): " + trying.get().connection().detail();
        } else if (online == chats.size()) {
            text = "Online";
        } else {
            text = "Offline";
        }
        status.connection(text);
    }

    private void refreshTitle() {
        int unread = chatList.chats().stream().mapToInt(Chat::unread).sum();
        setTitle((unread > 0 ? "(" + unread + ") " : "") + "Parley — " + profileName);
    }

    void closeWindows() {
        invites.values().forEach(InviteDialog::dispose);
        invites.clear();
        infos.closeAll();
        notifier.close();
        dispose();
    }
}
