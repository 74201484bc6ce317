package parley.transport.guard;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The bytes a broker sends, checked packet by packet before Paho reads them: Paho 1.2.5 allocates a packet's
 * announced size before it reads the packet, so {@code 30 FF FF FF 7F} from a hostile broker would make it
 * allocate 256 MiB. This stream follows the MQTT fixed header (type byte, then the remaining length in 1 to 4
 * bytes) as the bytes pass, keeps no copy of them, and fails the read with a {@link PacketRefusedException} when
 * <ul>
 *   <li>a packet is announced larger than {@link #MAX_PACKET_BYTES} in all (docs/protocol.md, section 7),</li>
 *   <li>the remaining length is malformed (a fifth length byte), or</li>
 *   <li>a packet is still unfinished {@code deadline} after its first byte: a broker dripping a packet byte by
 *       byte never lets a PINGRESP through, and Paho's keep-alive counts every byte as activity, so without this
 *       the connection would look alive forever.</li>
 * </ul>
 * Bytes of earlier, complete packets in the same read are passed on first; the failure comes with the next read.
 */
public final class PacketGuard extends FilterInputStream {
    /**
     * The largest MQTT packet accepted, fixed header included: a PUBLISH of the brokers' largest payload (their
     * {@code message_size_limit}, 256 KiB) with its topic and packet id fits with room to spare. Receivers drop
     * payloads over 160 KiB anyway; the bound is the broker's limit, not that, so that a stranger who publishes a
     * 200 KiB payload into an inbox cannot make its connection fail on every reconnect.
     */
    public static final int MAX_PACKET_BYTES = 256 * 1024 + 1024;

    /** Paho's default keep-alive, for a connection that has none. */
    private static final int DEFAULT_KEEP_ALIVE_SECONDS = 60;

    private enum Part { TYPE, LENGTH, BODY }

    private final Duration deadline;
    private final LongSupplier nanoTime;
    private Part part = Part.TYPE;
    private int lengthBytes;
    private long remaining;
    private long packetStart;
    private PacketRefusedException pending;

    public PacketGuard(InputStream in, Duration deadline) {
        this(in, deadline, System::nanoTime);
    }

    PacketGuard(InputStream in, Duration deadline, LongSupplier nanoTime) {
        super(Objects.requireNonNull(in, "in"));
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadline);
        }
        this.deadline = deadline;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * The deadline for a connection with this keep-alive: one interval. While a packet is unfinished no PINGRESP
     * can come through, so a packet that takes longer leaves the connection as dead as a silent broker would.
     */
    public static Duration deadlineForKeepAlive(int keepAliveSeconds) {
        return Duration.ofSeconds(keepAliveSeconds > 0 ? keepAliveSeconds : DEFAULT_KEEP_ALIVE_SECONDS);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (pending != null) throw pending;
        if (length == 0) return 0;
        int n;
        try {
            n = in.read(target, offset, length);
        } catch (SocketTimeoutException e) {
            // Paho's ssl:// socket times out every second: the moment to notice a broker that went quiet mid-packet
            checkDeadline();
            throw e;
        }
        if (n <= 0) return n;
        int startedHere = -1;
        int end = offset + n;
        for (int i = offset; i < end; ) {
            if (part == Part.BODY) {
                int take = (int) Math.min(remaining, end - i);
                remaining -= take;
                i += take;
                if (remaining == 0) part = Part.TYPE;
                continue;
            }
            if (part == Part.TYPE) startedHere = i;
            PacketRefusedException refused = header(target[i++] & 0xff);
            if (refused != null) {
                // pass on the complete packets before this one; the refusal comes with the next read
                int before = startedHere < 0 ? 0 : startedHere - offset;
                if (before == 0) throw refused;
                pending = refused;
                return before;
            }
        }
        checkDeadline();
        return n;
    }

    /** Skipping would pass bytes by unchecked: they are read (and checked) instead. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        int read = scratch.length == 0 ? 0 : read(scratch, 0, scratch.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // not supported: a reset would replay bytes the guard has already counted
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** One byte of a fixed header; null while it is acceptable. */
    private PacketRefusedException header(int b) {
        switch (part) {
            case TYPE -> {
                packetStart = nanoTime.getAsLong();
                part = Part.LENGTH;
                lengthBytes = 0;
                remaining = 0;
            }
            case LENGTH -> {
                remaining |= (long) (b & 0x7f) << (7 * lengthBytes);
                lengthBytes++;
                if ((b & 0x80) != 0) {
                    if (lengthBytes == 4) {
                        return new PacketRefusedException("the broker sent a malformed MQTT packet length"
                                + " (more than 4 bytes): connection closed");
                    }
                } else {
                    long total = 1 + lengthBytes + remaining;
                    if (total > MAX_PACKET_BYTES) {
                        return new PacketRefusedException(String.format(Locale.ROOT,
                                "the broker announced an MQTT packet of %,d bytes, over Parley's limit of %,d:"
                                        + " connection closed", total, MAX_PACKET_BYTES));
                    }
                    part = remaining == 0 ? Part.TYPE : Part.BODY;
                }
            }
            case BODY -> throw new IllegalStateException("body bytes are counted in read");
        }
        return null;
    }

    private void checkDeadline() throws PacketRefusedException {
        if (part == Part.TYPE) return;
        if (nanoTime.getAsLong() - packetStart > deadline.toNanos()) {
            pending = new PacketRefusedException("the broker left an MQTT packet unfinished for more than "
                    + deadline.toSeconds() + " s: connection closed");
            throw pending;
        }
    }
}
