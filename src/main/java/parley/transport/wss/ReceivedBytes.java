package parley.transport.wss;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The byte stream Paho reads MQTT packets from, fed with the parts of received binary websocket messages.
 *
 * <p>Bounded: it asks the websocket for one more part (via {@code requestOneMore}) only while fewer than
 * {@code highWater} bytes wait here, and otherwise only once the reader has consumed enough. So a slow reader holds
 * at most {@code highWater} plus one part in memory; the rest stays in TCP buffers and slows the sender down.
 * Exactly one request is outstanding whenever the buffer is below the mark and the stream is open.
 */
final class ReceivedBytes extends InputStream {
    private final int highWater;
    private final Runnable requestOneMore;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuffer> parts = new ArrayDeque<>();
    private int buffered;
    private boolean requestOutstanding;
    private boolean ended;
    private IOException failure;

    ReceivedBytes(int highWater, Runnable requestOneMore) {
        if (highWater < 1) {
            throw new IllegalArgumentException("highWater must be positive, got " + highWater);
        }
        this.highWater = highWater;
        this.requestOneMore = Objects.requireNonNull(requestOneMore, "requestOneMore");
    }

    /** Asks for the first part; called once the websocket is open. */
    void start() {
        requestIfRoom();
    }

    /** Takes a copy of {@code data} (the websocket reuses its buffer) and asks for more if there is room. */
    void offer(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
        lock.lock();
        try {
            requestOutstanding = false;
            if (ended || failure != null) {
                return;
            }
            if (copy.hasRemaining()) {
                parts.add(copy);
                buffered += copy.remaining();
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        requestIfRoom();
    }

    /** A PING, PONG or text message used up the outstanding request: ask again, nothing was buffered. */
    void renewRequest() {
        requestOneMore.run();
    }

    /** The peer closed the websocket: the reader gets what is buffered, then end of stream. */
    void end() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The connection failed: the reader gets what is buffered, then this error. */
    void fail(Throwable error) {
        lock.lock();
        try {
            if (failure == null) {
                failure = error instanceof IOException io ? io : new IOException(error.getMessage(), error);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int buffered() {
        lock.lock();
        try {
            return buffered;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        int copied = 0;
        lock.lock();
        try {
            while (parts.isEmpty() && !ended && failure == null) {
                changed.await();
            }
            while (copied < length && !parts.isEmpty()) {
                ByteBuffer head = parts.peek();
                int n = Math.min(length - copied, head.remaining());
                head.get(target, offset + copied, n);
                copied += n;
                if (!head.hasRemaining()) {
                    parts.remove();
                }
            }
            buffered -= copied;
            if (copied == 0) {
                if (failure != null) {
                    throw new IOException("websocket connection failed: " + failure.getMessage(), failure);
                }
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for websocket data");
        } finally {
            lock.unlock();
        }
        requestIfRoom();
        return copied;
    }

    @Override
    public int available() {
        return buffered();
    }

    /** Drops what is buffered and ends the stream, so a reader blocked in {@code read} returns. */
    @Override
    public void close() {
        lock.lock();
        try {
            ended = true;
            parts.clear();
            buffered = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // Outside the lock: the websocket may deliver the next part on this very thread.
    private void requestIfRoom() {
        lock.lock();
        try {
            if (requestOutstanding || ended || failure != null || buffered >= highWater) {
                return;
            }
            requestOutstanding = true;
        } finally {
            lock.unlock();
        }
        requestOneMore.run();
    }
}
