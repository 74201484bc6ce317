package parley.chat;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import parley.store.ChunkFile;
import parley.store.ProfileStore;

/**
 * Group commit (docs/protocol.md section 6): the chat thread's message writes are committed without a disk sync,
 * and what promises that they are durable (a publish, an ack, a message shown, a command's result) waits here.
 * The first one of a turn queues one sync behind the work already on the chat thread; it syncs once for all of
 * that work and then releases, in order, everything that waited. Confined to the chat thread.
 */
final class GroupCommit {
    private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());

    /** What waits for the sync; {@link #failed} when the sync failed, so the promise is not made. */
    interface Durable {
        void synced();

        default void failed(RuntimeException e) {}
    }

    private final ProfileStore store;
    private final Executor thread;
    private List<Durable> waiting = new ArrayList<>();
    /** Files whose chunks were written since the last sync: forced before it, so the profile never runs ahead. */
    private Set<ChunkFile> chunksWritten = new LinkedHashSet<>();
    private boolean queued;

    GroupCommit(ProfileStore store, Executor thread) {
        this.store = store;
        this.thread = thread;
    }

    /** Runs {@code action} once everything written so far on the chat thread is synced to disk. */
    void afterSync(Runnable action) {
        afterSyncOrFailure(action::run);
    }

    /**
     * Forces {@code chunks} to disk with the next sync, before the profile's: a chunk counted as held in a record
     * that reached the disk is on the disk too.
     */
    void forceWithNextSync(ChunkFile chunks) {
        chunksWritten.add(chunks);
    }

    /** As {@link #afterSync(Runnable)}, told when the sync failed and the promise cannot be made. */
    void afterSyncOrFailure(Durable durable) {
        waiting.add(durable);
        if (!queued) {
            queued = true;
            thread.execute(this::sync);
        }
    }

    private void sync() {
        queued = false;
        List<Durable> due = waiting;
        waiting = new ArrayList<>();
        Set<ChunkFile> chunks = chunksWritten;
        chunksWritten = new LinkedHashSet<>();
        RuntimeException failure = null;
        try {
            for (ChunkFile file : chunks) {
                file.force();
            }
            store.sync();
        } catch (RuntimeException e) {
            failure = e; // nothing is promised: unacked messages come again, the outbox re-sends
            LOG.log(Level.ERROR, "the profile could not be synced to disk; what waited for it is held back", e);
        }
        for (Durable d : due) {
            try {
                if (failure == null) d.synced(); else d.failed(failure);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "work after a sync failed", e);
            }
        }
    }
}
