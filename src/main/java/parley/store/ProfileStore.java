package parley.store;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import parley.crypto.AtRestException;
import parley.crypto.ChatId;
import parley.crypto.MessageId;
import parley.crypto.Csprng;
import parley.crypto.PassphraseKey;
import parley.crypto.SealedBox;
import parley.store.ProfileMeta.PassphraseLock;

/**
 * One user's Parley profile on disk: chats (opaque state written by the chat layer), settings, message history
 * and the outbox, in an embedded H2 database in a 0700 directory.
 *
 * <p>Durability, the group-commit rule (docs/protocol.md section 6): every mutating call is committed when it
 * returns, so it survives the process being killed. Chats, settings, deletions and passphrase changes are also
 * synced to disk (they survive a power cut) before they return; messages ({@link #addMessage}) and their ticks
 * ({@link #setStatus}) are not, so a burst costs one sync rather than one per message: they survive a power cut
 * after the next {@link #sync}, and a caller must sync before anything that promises they are durable leaves the
 * process (a publish, an ack to the peer, a message shown, a command's exit). With a passphrase, every blob handed in (chat state, setting values, message bodies) is sealed with
 * AES-256-GCM under a random data key, which is itself sealed under an Argon2id key from the passphrase. Ids,
 * ordinals, directions, statuses, sequence numbers and timestamps stay readable (they are searched and sorted on):
 * callers must not put secrets into chat ids, message ids or setting keys.
 *
 * <p>Thread-safe: calls are serialised on one connection; none blocks for long except {@link #deleteChat} and
 * {@link #changePassphrase}, which rewrite the file.
 */
public final class ProfileStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProfileStore.class.getName());

    public enum Direction { IN, OUT }

    /**
     * QUEUED: in the outbox, not yet taken by the broker; SENT: the broker PUBACKed it; DELIVERED: the peer acked
     * it; RECEIVED: an incoming message. Outgoing messages move only forward, QUEUED to SENT to DELIVERED.
     */
    public enum Status { QUEUED, SENT, DELIVERED, RECEIVED }

    private final Object lock = new Object();
    private final Path dir;
    private final PassphraseKey.Params paramsForNewPassphrase;
    private final ProfileDatabase db;
    private BlobCodec codec;
    private boolean closed;

    private ProfileStore(Path dir, ProfileDatabase db, BlobCodec codec, PassphraseKey.Params paramsForNewPassphrase) {
        this.dir = dir;
        this.db = db;
        this.codec = codec;
        this.paramsForNewPassphrase = paramsForNewPassphrase;
    }

    /**
     * Opens the profile in {@code dir}, creating it (and missing parents, mode 0700) on first use: with a passphrase
     * the new profile is encrypted, without one its blobs are stored as given. The caller keeps and clears the
     * passphrase array.
     *
     * @throws PassphraseRequiredException the profile is encrypted and no passphrase was given
     * @throws WrongPassphraseException the passphrase does not unlock it (nothing in the profile was written)
     * @throws ProfileInUseException another process or store has it open
     * @throws NewerProfileFormatException a newer Parley wrote it
     * @throws StoreException for a passphrase given to a profile that has none, a symbolic-link directory, or I/O
     */
    public static ProfileStore open(Path dir, Optional<char[]> passphrase) {
        return open(dir, passphrase, PassphraseKey.Params.defaults());
    }

    /** As {@link #open(Path, Optional)}, with the Argon2id cost for a new passphrase (tests pass a cheap one). */
    public static ProfileStore open(Path dir, Optional<char[]> passphrase, PassphraseKey.Params paramsForNewProfile) {
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(paramsForNewProfile, "paramsForNewProfile");
        Path directory = OwnerOnly.prepareDirectory(dir);
        List<String> tightened = OwnerOnly.tighten(directory);
        if (!tightened.isEmpty()) {
            LOG.log(Level.WARNING, "profile {0} was readable by others; restricted to its owner: {1}",
                    directory, tightened);
        }
        OpenProfiles.claim(directory);
        try {
            return ProfileOpening.open(directory, passphrase, paramsForNewProfile,
                    (db, codec) -> new ProfileStore(directory, db, codec, paramsForNewProfile));
        } catch (RuntimeException e) {
            OpenProfiles.release(directory);
            throw e;
        }
    }

    public Path directory() {
        return dir;
    }

    public boolean encrypted() {
        synchronized (lock) {
            return codec.encrypted();
        }
    }

    /**
     * Sets, changes ({@code Optional.of}) or removes ({@code Optional.empty()}) the passphrase. Every blob is
     * re-written under a new random data key (or in the clear) in one transaction, so a crash leaves the old state;
     * then the file is compacted so the old copies are gone from it. The caller keeps and clears the array.
     */
    public void changePassphrase(Optional<char[]> newPassphrase) {
        ProfilePassphrase.Next next = ProfilePassphrase.prepare(newPassphrase, paramsForNewPassphrase);
        synchronized (lock) {
            ensureOpen();
            BlobCodec from = codec;
            ProfilePassphrase.rewrite(db, from, next);
            codec = next.codec();
            from.destroy();
            db.compact();
            LOG.log(Level.INFO, "profile {0}: passphrase {1}", dir, codec.encrypted() ? "set" : "removed");
        }
    }

    /**
     * Whether {@code passphrase} is the one that protects this open profile: derives its key with the stored
     * Argon2id parameters (a visible moment, as when opening) and unseals the data key with it. False for a profile
     * without a passphrase, and for an empty passphrase or one that is not valid Unicode (neither can have been
     * set). Writes nothing; the caller keeps and clears the array. Lets a face ask for the current passphrase
     * before it changes or removes it, although the profile is already open.
     */
    public boolean checkPassphrase(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        Optional<PassphraseLock> current;
        synchronized (lock) {
            ensureOpen();
            current = db.read(ProfileMeta::read).flatMap(ProfileMeta.Contents::lock);
        }
        return ProfilePassphrase.unlocks(current, passphrase); // derived outside the lock: writes go on meanwhile
    }

    /** Inserts the chat or replaces its state; a new chat goes to the end of {@link #chats()}. */
    public void putChat(ChatId chat, byte[] state) {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(state, "state");
        synchronized (lock) {
            ensureOpen();
            db.write(c -> {
                ChatTable.put(c, codec, chat.value(), state);
                return null;
            });
        }
    }

    /** Every chat's state, in the order the chats were created. */
    public Map<ChatId, byte[]> chats() {
        synchronized (lock) {
            ensureOpen();
            Map<ChatId, byte[]> all = new java.util.LinkedHashMap<>();
            db.read(c -> ChatTable.all(c, codec)).forEach((id, state) -> all.put(new ChatId(id), state));
            return all;
        }
    }

    public Optional<byte[]> chat(ChatId chat) {
        synchronized (lock) {
            ensureOpen();
            return db.read(c -> ChatTable.get(c, codec, chat.value()));
        }
    }

    /**
     * Deletes the chat and all its messages in one transaction, then compacts the file so their bytes are gone from
     * it (what the file system or a backup keeps of older file versions is beyond Parley's reach).
     */
    public void deleteChat(ChatId chat) {
        synchronized (lock) {
            ensureOpen();
            boolean deleted = db.write(c -> {
                TransferTable.deleteChat(c, chat.value());
                MessageTable.deleteChat(c, chat.value());
                return ChatTable.delete(c, chat.value());
            });
            deleteTree(filesOf(chat)); // the chunks of its files, in and out
            if (deleted) {
                db.compact();
            }
        }
    }

    /**
     * Rewrites the file with only live data, so that values replaced earlier (an erased key, say) are gone from it
     * too: the database keeps old versions of pages until it compacts. Slow-ish (the whole file); call it after
     * an erasure, not per write.
     */
    public void forgetReplacedData() {
        synchronized (lock) {
            ensureOpen();
            db.compact();
        }
    }

    // ---- files (docs/protocol.md section 9) ----

    /** Inserts or replaces a file's transfer state, sealed like every blob; committed, not synced (see {@link #sync}). */
    public void putTransfer(ChatId chat, Direction direction, MessageId message, byte[] state) {
        Objects.requireNonNull(state, "state");
        synchronized (lock) {
            ensureOpen();
            db.writeUnsynced(c -> {
                TransferTable.put(c, codec, chat.value(), direction, message.value(), state);
                return null;
            });
        }
    }

    public Optional<byte[]> transfer(ChatId chat, Direction direction, MessageId message) {
        synchronized (lock) {
            ensureOpen();
            return db.read(c -> TransferTable.get(c, codec, chat.value(), direction, message.value()));
        }
    }

    /** Every transfer of the chat, in and out. */
    public List<StoredTransfer> transfers(ChatId chat) {
        synchronized (lock) {
            ensureOpen();
            return db.read(c -> TransferTable.all(c, codec, chat.value()));
        }
    }

    /** Where the sealed chunks of a file of this chat are kept: {@code files/<chat>/<in|out>-<message id>}. */
    public ChunkFile chunks(ChatId chat, Direction direction, MessageId message) {
        return new ChunkFile(filesOf(chat).resolve(direction.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + message.value()));
    }

    private Path filesOf(ChatId chat) {
        return dir.resolve("files").resolve(chat.value());
    }

    private static void deleteTree(Path root) {
        if (!java.nio.file.Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot delete the chat's files in " + root + ": " + e.getMessage(), e);
        }
    }

    public void putSetting(String key, byte[] value) {
        putSetting(key, value, true);
    }

    /**
     * As {@link #putSetting}, committed but not synced (see {@link #sync}): for a setting written as often as
     * messages arrive (how far a listener has shown them), which the chat thread's group commit syncs with them.
     */
    public void putSettingUnsynced(String key, byte[] value) {
        putSetting(key, value, false);
    }

    private void putSetting(String key, byte[] value, boolean synced) {
        requireId(key, "key");
        Objects.requireNonNull(value, "value");
        synchronized (lock) {
            ensureOpen();
            ProfileDatabase.Work<Void> put = c -> {
                SettingTable.put(c, codec, key, value);
                return null;
            };
            if (synced) {
                db.write(put);
            } else {
                db.writeUnsynced(put);
            }
        }
    }

    public Optional<byte[]> setting(String key) {
        synchronized (lock) {
            ensureOpen();
            return db.read(c -> SettingTable.get(c, codec, key));
        }
    }

    /**
     * Makes every write that returned so far survive a power cut: one disk sync for all of them, none when every
     * write is synced already. The group commit's one sync per turn of the chat thread.
     */
    public void sync() {
        synchronized (lock) {
            ensureOpen();
            db.sync();
        }
    }

    /**
     * Stores a message of an existing chat, committed but not synced (see {@link #sync}). Idempotent on (chat, direction, messageId): adding one that is there
     * already returns the stored row unchanged (an incoming duplicate).
     *
     * @throws IllegalArgumentException the chat does not exist, or the status does not fit the direction (IN
     *     messages are RECEIVED, OUT messages are QUEUED, SENT or DELIVERED)
     */
    public StoredMessage addMessage(ChatId chat, NewMessage m) {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(m, "message");
        synchronized (lock) {
            ensureOpen();
            return db.writeUnsynced(c -> MessageTable.add(c, codec, chat.value(), m, System.currentTimeMillis()));
        }
    }

    /**
     * {@link #addMessage} and {@link #putChat} in one transaction: a message and the chat state that counts it
     * (sequence number, unread count) are committed together; durable through a power cut after {@link #sync}.
     */
    public StoredMessage addMessage(ChatId chat, byte[] chatState, NewMessage m) {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(chatState, "chatState");
        Objects.requireNonNull(m, "message");
        synchronized (lock) {
            ensureOpen();
            return db.writeUnsynced(c -> {
                ChatTable.put(c, codec, chat.value(), chatState);
                return MessageTable.add(c, codec, chat.value(), m, System.currentTimeMillis());
            });
        }
    }

    /**
     * Stores many messages of one chat in a single transaction (one disk sync instead of one per message), with
     * the same idempotence as {@link #addMessage}. For imports and tests.
     */
    List<StoredMessage> addMessages(ChatId chat, List<NewMessage> messages) {
        Objects.requireNonNull(chat, "chat");
        synchronized (lock) {
            ensureOpen();
            long storedAt = System.currentTimeMillis();
            return db.write(c -> {
                List<StoredMessage> stored = new java.util.ArrayList<>(messages.size());
                for (NewMessage m : messages) {
                    stored.add(MessageTable.add(c, codec, chat.value(), m, storedAt));
                }
                return stored;
            });
        }
    }

    public boolean hasMessage(ChatId chat, Direction direction, MessageId messageId) {
        synchronized (lock) {
            ensureOpen();
            return db.read(c -> MessageTable.find(c, codec, chat.value(), direction, messageId.value()).isPresent());
        }
    }

    /**
     * Moves an outgoing message forward to {@code status}; never back. Committed, not synced (see {@link #sync}):
     * a tick lost to a power cut only means a re-send that the peer de-duplicates and acknowledges again.
     *
     * @return whether the status changed (false for an unknown message or one already at or past it)
     */
    public boolean setStatus(ChatId chat, MessageId messageId, Status status) {
        if (status == Status.RECEIVED) {
            throw new IllegalArgumentException("RECEIVED is the status of incoming messages, not a step of an"
                    + " outgoing one");
        }
        synchronized (lock) {
            ensureOpen();
            return db.writeUnsynced(c -> MessageTable.advance(c, chat.value(), messageId.value(), status));
        }
    }

    /**
     * Up to {@code limit} messages with an ordinal below {@code beforeOrdinal}, newest first; pass
     * {@code Long.MAX_VALUE} for the latest page and the last ordinal of a page for the one before it.
     */
    public List<StoredMessage> history(ChatId chat, long beforeOrdinal, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        synchronized (lock) {
            ensureOpen();
            return db.read(c -> MessageTable.history(c, codec, chat.value(), beforeOrdinal, limit));
        }
    }

    /** Up to {@code limit} incoming messages with an ordinal above {@code afterOrdinal}, oldest first. */
    public List<StoredMessage> incomingAfter(ChatId chat, long afterOrdinal, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        synchronized (lock) {
            ensureOpen();
            return db.read(c -> MessageTable.incomingAfter(c, codec, chat.value(), afterOrdinal, limit));
        }
    }

    /** Outgoing messages the peer has not acked yet (QUEUED or SENT), oldest first. */
    public List<StoredMessage> outbox(ChatId chat) {
        synchronized (lock) {
            ensureOpen();
            return db.read(c -> MessageTable.outbox(c, codec, chat.value()));
        }
    }

    public long messageCount(ChatId chat) {
        synchronized (lock) {
            ensureOpen();
            return db.read(c -> MessageTable.count(c, chat.value()));
        }
    }

    public Optional<StoredMessage> lastMessage(ChatId chat) {
        return history(chat, Long.MAX_VALUE, 1).stream().findFirst();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                db.sync();
                db.close();
            } finally {
                codec.destroy();
                OpenProfiles.release(dir);
            }
        }
    }

    @Override
    public String toString() {
        return "ProfileStore[" + dir + (codec.encrypted() ? ", encrypted" : "") + "]";
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("profile store " + dir + " is closed");
        }
    }

    private static void requireId(String id, String name) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }
}
