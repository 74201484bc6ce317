package parley.transport.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacketGuardTest {
    private static final byte[] CONNACK = {0x20, 0x02, 0x00, 0x00};
    private static final byte[] HUGE_PUBLISH = {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
    private final AtomicLong now = new AtomicLong();

    private PacketGuard guard(InputStream in) {
        return new PacketGuard(in, Duration.ofSeconds(30), now::get);
    }

    @Test
    void passesHonestPacketsUnchangedWhateverTheReadSizes() throws IOException {
        byte[] stream = concat(CONNACK, publish(PacketGuard.MAX_PACKET_BYTES), new byte[] {(byte) 0xD0, 0x00});
        for (int chunk : new int[] {1, 3, 4096, stream.length}) {
            var out = new ByteArrayOutputStream();
            try (var in = guard(new ByteArrayInputStream(stream))) {
                byte[] buffer = new byte[chunk];
                for (int n; (n = in.read(buffer, 0, chunk)) != -1; ) out.write(buffer, 0, n);
            }
            assertThat(out.toByteArray()).as("read in chunks of " + chunk).isEqualTo(stream);
        }
    }

    @Test
    void refusesAnAnnouncedSizeOverTheLimitBeforeItsLastLengthByteReachesTheReader() throws IOException {
        var in = guard(new ByteArrayInputStream(concat(CONNACK, HUGE_PUBLISH)));
        byte[] buffer = new byte[64];
        // the CONNACK before it still arrives, in full
        assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(CONNACK.length);
        assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).isInstanceOf(PacketRefusedException.class)
                .hasMessage("the broker announced an MQTT packet of 268,435,460 bytes, over Parley's limit of"
                        + " 263,168: connection closed");
        // and stays refused
        assertThatThrownBy(in::read).isInstanceOf(PacketRefusedException.class);
    }

    @Test
    void refusesOneByteOverTheLimitAndPassesExactlyTheLimit() throws IOException {
        drain(guard(new ByteArrayInputStream(publish(PacketGuard.MAX_PACKET_BYTES))));
        assertThatThrownBy(() -> drain(guard(new ByteArrayInputStream(publish(PacketGuard.MAX_PACKET_BYTES + 1)))))
                .isInstanceOf(PacketRefusedException.class).hasMessageContaining("263,169 bytes");
    }

    @Test
    void refusesByteByByteToo() throws IOException {
        var in = guard(new ByteArrayInputStream(HUGE_PUBLISH));
        for (int i = 0; i < 4; i++) assertThat(in.read()).isEqualTo(HUGE_PUBLISH[i] & 0xff);
        assertThatThrownBy(in::read).isInstanceOf(PacketRefusedException.class);
    }

    @Test
    void refusesAFifthLengthByte() {
        byte[] malformed = {0x30, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThatThrownBy(() -> drain(guard(new ByteArrayInputStream(malformed))))
                .isInstanceOf(PacketRefusedException.class).hasMessageContaining("malformed MQTT packet length");
    }

    @Test
    void refusesAPacketDrippedPastTheDeadlineAndNotOneThatCameInTime() throws IOException {
        // a 127-byte packet, one byte per "second"
        byte[] packet = publish(129);
        var in = guard(new ByteArrayInputStream(packet));
        int i = 0;
        for (; i < 31; i++) {
            assertThat(in.read()).isEqualTo(packet[i] & 0xff);
            now.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        assertThatThrownBy(in::read).isInstanceOf(PacketRefusedException.class)
                .hasMessage("the broker left an MQTT packet unfinished for more than 30 s: connection closed");

        // many small packets over a long time are fine: the deadline is per packet
        var patient = guard(new ByteArrayInputStream(concat(CONNACK, CONNACK, CONNACK)));
        for (int b = 0; b < 12; b++) {
            assertThat(patient.read()).isNotEqualTo(-1);
            if (b % 4 == 3) now.addAndGet(Duration.ofMinutes(5).toNanos());
        }
    }

    @Test
    void aSilentBrokerMidPacketIsNoticedAtTheSocketTimeout() throws IOException {
        var silent = new InputStream() {
            boolean sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (!sent) {
                    sent = true;
                    b[off] = 0x30;
                    return 1;
                }
                throw new SocketTimeoutException("Read timed out");
            }
        };
        var in = guard(silent);
        assertThat(in.read()).isEqualTo(0x30);
        assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThatThrownBy(in::read).isInstanceOf(PacketRefusedException.class);
    }

    @Test
    void skipIsCheckedToo() {
        var in = guard(new ByteArrayInputStream(HUGE_PUBLISH));
        assertThatThrownBy(() -> in.skip(5)).isInstanceOf(PacketRefusedException.class);
    }

    /** A PUBLISH (QoS 0, topic "t") of exactly {@code total} bytes, fixed header included. */
    private static byte[] publish(int total) {
        int remaining = total - 1 - lengthBytes(total);
        var out = new ByteArrayOutputStream();
        out.write(0x30);
        for (int x = remaining; ; ) {
            int digit = x % 128;
            x /= 128;
            out.write(x > 0 ? digit | 0x80 : digit);
            if (x == 0) break;
        }
        out.write(0);
        out.write(1);
        out.write('t');
        out.writeBytes(new byte[remaining - 3]);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).hasSize(total);
        return bytes;
    }

    private static int lengthBytes(int total) {
        for (int n = 1; ; n++) {
            if (total - 1 - n < (1 << (7 * n))) return n;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) != -1) {
            // counting is the guard's job
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
