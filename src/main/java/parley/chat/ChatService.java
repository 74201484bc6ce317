package parley.chat;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
    /** Reads, seals and saves files off the chat thread, which never waits for a disk full of file bytes. */
    private final java.util.concurrent.ExecutorService files =
            java.util.concurrent.Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parley-files-", 0).factory());
    static final String AUTO_DOWNLOAD_SETTING = "files.auto-download-bytes";
    static final long DEFAULT_AUTO_DOWNLOAD = 16L * 1024 * 1024;
    private volatile long autoDownloadLimit;

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
        this.autoDownloadLimit = storedAutoDownloadLimit(store);
        this.context = new ChatContext(store, config.transport(), this::profileFor, this::brokerOf, displayName, clock,
                thread, timings, this::emit, this::pendingInviteOf, new GroupCommit(store, thread),
                () -> autoDownloadLimit);
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

    // ---- files (docs/protocol.md section 9) ----

    /**
     * Sends a file: it is encrypted into the profile (so the original may change or go), its manifest queued like
     * a message, and its chunks served as the peer asks for them. Refused with {@link ChatException.Problem#TOO_LARGE}
     * above {@link Attachment#MAX_SIZE}, and for an empty or unreadable file, before anything is sent.
     */
    public CompletableFuture<Message> sendFile(ChatId chat, Path file) {
        MessageId id = MessageId.random();
        return call(() -> {
            session(chat).requireActive();
            return store.chunks(chat, ProfileStore.Direction.OUT, id);
        }).thenApplyAsync(chunks -> FileSealing.seal(file, id, chunks), files)
                .thenCompose(manifest -> call(() -> session(chat).sendFile(id, manifest)));
    }

    /** Starts or resumes fetching a received file (one over the automatic download size waits for this). */
    public CompletableFuture<Void> download(ChatId chat, MessageId message) {
        return call(() -> {
            session(chat).download(message);
            return null;
        });
    }

    /** Receiver: pauses a download, keeping what arrived. Sender: cancels the offer (the peer is told "gone"). */
    public CompletableFuture<Void> stopTransfer(ChatId chat, MessageId message) {
        return call(() -> {
            session(chat).stopTransfer(message);
            return null;
        });
    }

    /**
     * Writes a complete file (received, or one's own) in the clear into {@code directory} under its name, never over
     * another file ("name (1).ext" instead), mode 0600; completes with the path written.
     */
    public CompletableFuture<Path> saveFile(ChatId chat, MessageId message, Path directory) {
        return call(() -> new Opening(session(chat).fileName(message), session(chat).openFile(message)))
                .thenApplyAsync(opened -> {
                    try (InputStream in = opened.contents()) {
                        return SavedFiles.save(in, opened.name(), directory);
                    } catch (java.io.IOException e) {
                        throw new ChatException(ChatException.Problem.FILE, e.getMessage(), e);
                    }
                }, files);
    }

    private record Opening(String name, InputStream contents) {}

    /** The decrypted bytes of a complete file, streamed from the profile (for a thumbnail or a preview); close it. */
    public CompletableFuture<InputStream> openFile(ChatId chat, MessageId message) {
        return call(() -> session(chat).openFile(message));
    }

    /** Files up to this many bytes are fetched on arrival; larger ones wait for {@link #download}. Default 16 MiB. */
    public CompletableFuture<Long> autoDownloadLimit() {
        return CompletableFuture.completedFuture(autoDownloadLimit);
    }

    public CompletableFuture<Void> setAutoDownloadLimit(long bytes) {
        if (bytes < 0 || bytes > Attachment.MAX_SIZE) {
            return CompletableFuture.failedFuture(new ChatException(ChatException.Problem.FILE,
                    "the automatic download size is 0 to " + FileSizes.describe(Attachment.MAX_SIZE)));
        }
        return call(() -> {
            store.putSetting(AUTO_DOWNLOAD_SETTING, Long.toString(bytes).getBytes(StandardCharsets.US_ASCII));
            autoDownloadLimit = bytes;
            return null;
        });
    }

    private static long storedAutoDownloadLimit(ProfileStore store) {
        return store.setting(AUTO_DOWNLOAD_SETTING).map(b -> {
            try {
                return Long.parseLong(new String(b, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                return DEFAULT_AUTO_DOWNLOAD;
            }
        }).orElse(DEFAULT_AUTO_DOWNLOAD);
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
        files.shutdownNow(); // a file half-sealed is deleted by its task; nothing of it was offered
        ownThread.ifPresent(ChatThread::close);
    }
}
