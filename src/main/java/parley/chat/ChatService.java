package parley.chat;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import parley.crypto.MessageId;
import parley.crypto.SafetyCode;
import parley.invite.Invite;
import parley.invite.InviteException;
import parley.invite.InviteLink;
import parley.protocol.DropReason;
import parley.store.ProfileStore;
import parley.store.StoredMessage;
import parley.transport.BrokerProfile;
import parley.crypto.ChatId;

/**
 * The chat service: the one API both faces (CLI and desktop) use. Commands go in as methods that return futures;
 * what happens comes out as {@link ChatEvent}s.
 *
 * <p>Threading: every chat's state lives on one serial thread, "parley-chat" ({@link ChatThread}). Commands,
 * transport callbacks and timers all run there, so no chat state is ever shared between threads. It does the
 * store's (short, local) I/O; it never waits for the network. Listeners are called on it, in order, and must hand
 * off at once (the desktop marshals onto the EDT). {@link #close()} stops it after closing every connection.
 */
public final class ChatService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChatService.class.getName());

    private final ProfileStore store;
    private final Optional<BrokerProfile> broker;
    private final OwnBroker ownBroker;
    private final Optional<String> displayName;
    private final Clock clock;
    private final ChatTimings timings;
    private final Scheduler thread;
    /** The chat thread when this service made it (and so stops it on close); empty when a test gave one. */
    private final Optional<ChatThread> ownThread;
    final ChatContext context;
    private final ChatSessions sessions = new ChatSessions();
    private final ChatListeners listeners = new ChatListeners();
    private final ShownMarks shown;
    private volatile boolean closed;
    /**
     * Reads, seals, checks and saves files off the chat thread, which never waits for a disk full of file bytes;
     * a test's manual scheduler has them run in line instead, so that they stay in its order.
     */
    private final Optional<ExecutorService> fileThreads;
    private final ChatFiles files;

    private ChatService(ChatServiceConfig config, Scheduler thread, Optional<ChatThread> ownThread) {
        this.store = config.store();
        this.broker = config.broker();
        this.ownBroker = new OwnBroker(config.broker());
        this.displayName = config.displayName();
        this.clock = config.clock();
        this.timings = config.timings();
        this.shown = new ShownMarks(store);
        this.thread = thread;
        this.ownThread = ownThread;
        this.fileThreads = ownThread.map(t ->
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parley-files-", 0).factory()));
        Executor fileWork = fileThreads.<Executor>map(e -> e).orElse(Runnable::run);
        this.files = new ChatFiles(this, store, fileWork);
        this.context = new ChatContext(store, config.transport(), this::profileFor, this::brokerOf, displayName, clock,
                thread, timings, this::emit, this::pendingInviteOf, new GroupCommit(store, thread),
                files::currentAutoDownloadLimit, fileWork);
    }

    /** Loads every chat of the profile and connects each; a stored chat that cannot be read is logged and left. */
    public static ChatService start(ChatServiceConfig config) {
        ChatThread thread = new ChatThread();
        return start(new ChatService(config, thread, Optional.of(thread)));
    }

    /** A service on a scheduler the caller owns and runs (the unit tests' manual clock). */
    static ChatService start(ChatServiceConfig config, Scheduler scheduler) {
        return start(new ChatService(config, scheduler, Optional.empty()));
    }

    private static ChatService start(ChatService service) {
        service.call(() -> {
            for (Map.Entry<ChatId, byte[]> stored : service.store.chats().entrySet()) {
                try {
                    ChatRecord record = ChatRecordCodec.decode(stored.getValue());
                    ChatSession session = new ChatSession(service.context, record);
                    service.sessions.add(session);
                    session.resume();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "chat {0} could not be read and is left as it is: {1}",
                            stored.getKey(), e.getMessage());
                } finally {
                    java.util.Arrays.fill(stored.getValue(), (byte) 0); // the decoded blob held the keys
                }
            }
            return null;
        }).join();
        return service;
    }

    public void addListener(Consumer<ChatEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ChatEvent> listener) {
        listeners.remove(listener);
    }

    /**
     * Makes an invite: a fresh inbox and key, listening from now until it expires or is answered. The invite is not
     * live yet: show its link once {@link ChatEvent.InviteLive} says its inbox exists at the broker.
     */
    public CompletableFuture<PendingInvite> createInvite(Optional<Duration> validity) {
        return call(() -> {
            BrokerProfile own = broker.orElseThrow(() -> new ChatException(ChatException.Problem.BROKER,
                    "no broker configured for invites: give your broker's mqtts:// URL (and wss:// URL for browsers)"));
            ChatRecord r = NewChats.invite(own, clock.instant(), validity.orElse(timings.inviteValidity()));
            open(r);
            return pendingInviteOf(r, false); // live once its inbox is subscribed: ChatEvent.InviteLive
        });
    }

    /** The link of an invite still waiting for its join. */
    public CompletableFuture<PendingInvite> pendingInvite(ChatId chat) {
        return call(() -> {
            ChatRecord r = session(chat).record;
            if (r.phase != ChatPhase.INVITED) {
                throw new ChatException(ChatException.Problem.NOT_READY, "chat " + chat + " is not an open invite");
            }
            return pendingInviteOf(r, session(chat).live());
        });
    }

    PendingInvite pendingInviteOf(ChatRecord r, boolean live) {
        Invite invite = new Invite(r.ownInbox, r.inviteKey, r.wss, r.mqtts, displayName, r.expires.orElseThrow());
        return new PendingInvite(r.id, InviteLink.format(invite, broker.flatMap(BrokerProfile::webBase)),
                r.expires.orElseThrow(), live);
    }

    /** How a chat connects: to the broker it names, with the profile's CA file and login only if that is its own. */
    BrokerProfile profileFor(ChatRecord r) {
        return ownBroker.connectionFor(r.mqtts, r.wss);
    }

    ChatBroker brokerOf(ChatRecord r) {
        return ownBroker.describe(r.mqtts, r.wss);
    }

    /**
     * The broker joining {@code invite} would talk through, and whether it is this profile's own: what the user
     * confirms before a join. Safe on any thread (it reads only the profile's fixed broker settings).
     */
    public ChatBroker brokerOf(Invite invite) {
        return ownBroker.describe(invite.mqtts(), invite.wss());
    }

    /** Why joining {@code invite} is refused because this profile made or already used it; empty if it is not. */
    public CompletableFuture<Optional<String>> reuseOf(Invite invite) {
        return call(() -> InviteReuse.problem(records(), invite));
    }

    private List<ChatRecord> records() {
        return sessions.all().stream().map(s -> s.record).toList();
    }

    /** Joins the chat an invite link offers: the welcome arrives later as {@link ChatEvent.ChatReady}. */
    public CompletableFuture<ChatId> join(String link) {
        Invite invite;
        try {
            invite = InviteLink.parse(link, clock);
        } catch (InviteException e) {
            return CompletableFuture.failedFuture(new ChatException(ChatException.Problem.BAD_INVITE, e.getMessage(), e));
        }
        return call(() -> {
            InviteReuse.problem(records(), invite).ifPresent(problem -> {
                throw new ChatException(ChatException.Problem.BAD_INVITE, problem);
            });
            return open(NewChats.join(invite, displayName, clock.instant())).record.id;
        });
    }

    /** Saves a new chat, connects it and tells the listeners. */
    private ChatSession open(ChatRecord r) {
        ChatSession session = new ChatSession(context, r);
        session.persist();
        sessions.add(session);
        session.resume();
        emit(new ChatEvent.ChatChanged(r.id, session.snapshot()));
        return session;
    }

    /** Queues a message; it goes out now if the chat is connected, else after the next connect. */
    public CompletableFuture<Message> send(ChatId chat, String text) {
        return call(() -> session(chat).send(text));
    }

    /** Sending, fetching and saving files (docs/protocol.md section 9). */
    public ChatFiles files() {
        return files;
    }

    public CompletableFuture<List<Chat>> chats() {
        return call(sessions::snapshots);
    }

    public CompletableFuture<Chat> chat(ChatId chat) {
        return call(() -> session(chat).snapshot());
    }

    /** A page of history, newest first: {@code beforeOrdinal} = {@link Long#MAX_VALUE} for the latest. */
    public CompletableFuture<List<Message>> history(ChatId chat, long beforeOrdinal, int limit) {
        return call(() -> {
            session(chat);
            List<Message> page = new ArrayList<>();
            for (StoredMessage m : store.history(chat, beforeOrdinal, limit)) {
                page.add(toMessage(chat, m, session(chat).attachmentOf(m.messageId(), m.direction() == ProfileStore.Direction.OUT)));
            }
            return page;
        });
    }

    public CompletableFuture<Void> markRead(ChatId chat) {
        return call(() -> {
            session(chat).markRead();
            return null;
        });
    }

    public CompletableFuture<Void> rename(ChatId chat, String name) {
        return call(() -> {
            session(chat).rename(name);
            return null;
        });
    }

    /** Deletes a chat: cancels it if it is an open invite, makes the broker forget its inbox, wipes keys and history. */
    public CompletableFuture<Void> delete(ChatId chat) {
        return call(() -> {
            session(chat).delete("deleted");
            shown.forget(chat);
            return null;
        }).thenCompose(x -> CompletableFuture.completedFuture(null));
    }

    /**
     * Up to {@code limit} incoming messages of {@code chat} that no listener has shown yet ({@link #markShown}),
     * oldest first: what earlier commands took in while nobody was listening.
     */
    public CompletableFuture<List<Message>> unshown(ChatId chat, int limit) {
        return call(() -> {
            session(chat);
            List<Message> page = new ArrayList<>();
            for (StoredMessage m : store.incomingAfter(chat, shown.of(chat), limit)) {
                page.add(toMessage(chat, m, session(chat).attachmentOf(m.messageId(), false)));
            }
            return page;
        });
    }

    /** Records that a listener has written out the chat's incoming messages up to {@code ordinal}. */
    public CompletableFuture<Void> markShown(ChatId chat, long ordinal) {
        return call(() -> {
            session(chat);
            shown.advance(chat, ordinal, sessions.ids());
            return null;
        });
    }

    /** Starts a key refresh (docs/protocol.md section 5); the new epoch shows in {@link Chat#epoch()} when agreed. */
    public CompletableFuture<Void> rekey(ChatId chat) {
        return call(() -> {
            session(chat).startRekey();
            return null;
        });
    }

    /** The chat's safety code, to compare with the peer's in person or by scanning its QR code. */
    public CompletableFuture<SafetyCode> safetyCode(ChatId chat) {
        return call(() -> session(chat).safetyCode());
    }

    /**
     * Marks the chat verified when {@code scannedOrTyped} (20 digits, or the peer's scanned QR text) is its
     * safety code; fails with {@link ChatException.Problem#SAFETY_MISMATCH} and an explanation when it is not.
     */
    public CompletableFuture<Void> verify(ChatId chat, String scannedOrTyped) {
        return call(() -> {
            session(chat).verify(scannedOrTyped);
            return null;
        });
    }

    /** How many payloads this chat dropped since start, by reason. */
    public CompletableFuture<Map<DropReason, Long>> drops(ChatId chat) {
        return call(() -> session(chat).drops());
    }

    /** Resolves what a user typed for a chat: its id, a unique id prefix, or its exact name. */
    public CompletableFuture<ChatId> resolve(String nameOrId) {
        return call(() -> sessions.resolve(nameOrId));
    }

    ChatSession session(ChatId chat) {
        return sessions.get(chat);
    }

    static Message toMessage(ChatId chat, StoredMessage m) {
        return toMessage(chat, m, Optional.empty());
    }

    static Message toMessage(ChatId chat, StoredMessage m, Optional<Attachment> attachment) {
        Delivery delivery = switch (m.status()) {
            case QUEUED -> Delivery.QUEUED;
            case SENT -> Delivery.SENT;
            case DELIVERED -> Delivery.DELIVERED;
            case RECEIVED -> Delivery.RECEIVED;
        };
        return new Message(chat, m.messageId(), m.direction() == ProfileStore.Direction.OUT,
                new String(m.body(), StandardCharsets.UTF_8), Instant.ofEpochMilli(m.sentAt()), delivery, m.ordinal(),
                attachment);
    }

    private void emit(ChatEvent event) {
        if (event instanceof ChatEvent.ChatRemoved removed) {
            sessions.remove(removed.chat()); // an invite that expired, or a chat deleted
        }
        listeners.tell(event);
    }

    /**
     * Runs {@code work} on the chat thread; its future completes once what it wrote is synced to disk (group
     * commit, docs/protocol.md section 6), so a face that exits after it loses nothing.
     */
    <T> CompletableFuture<T> call(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("the chat service is closed"));
            return result;
        }
        thread.execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Throwable t) {
                result.completeExceptionally(t);
                return;
            }
            context.commit().afterSyncOrFailure(new GroupCommit.Durable() {
                @Override
                public void synced() {
                    result.complete(value);
                }

                @Override
                public void failed(RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        });
        return result;
    }

    /** Closes every chat's connection (the broker keeps their sessions) and stops the chat thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        call(() -> {
            for (ChatSession s : sessions.all()) {
                s.close();
            }
            return null;
        }).join();
        closed = true;
        fileThreads.ifPresent(ExecutorService::shutdownNow); // a file half-sealed is deleted by its task
        ownThread.ifPresent(ChatThread::close);
    }
}
