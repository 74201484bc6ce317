package parley.transport.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ReceivedBytesTest {
    private final AtomicInteger requests = new AtomicInteger();
    private final ReceivedBytes received = new ReceivedBytes(10, requests::incrementAndGet);

    @Test
    void asksForOnePartAtATimeWhileBelowTheMark() {
        received.start();
        assertThat(requests).hasValue(1);

        received.offer(ByteBuffer.wrap(new byte[4]));
        assertThat(requests).hasValue(2);
    }

    @Test
    void stopsAskingAtTheMarkUntilTheReaderCatchesUp() throws IOException {
        received.start();
        received.offer(ByteBuffer.wrap(new byte[6]));
        received.offer(ByteBuffer.wrap(new byte[6]));
        assertThat(requests).as("12 bytes buffered, mark 10: no request outstanding").hasValue(2);

        received.readNBytes(1);
        assertThat(requests).as("11 bytes still at or over the mark").hasValue(2);
        received.readNBytes(2);
        assertThat(requests).hasValue(3);
        assertThat(received.buffered()).isEqualTo(9);
    }

    @Test
    void neverHasTwoRequestsOutstanding() throws IOException {
        received.start();
        received.start();
        received.readNBytes(0);
        assertThat(requests).hasValue(1);
    }

    @Test
    void bytesComeOutInOrderAcrossParts() throws IOException {
        received.start();
        received.offer(ByteBuffer.wrap(new byte[] {1, 2}));
        received.offer(ByteBuffer.wrap(new byte[] {}));
        received.offer(ByteBuffer.wrap(new byte[] {3}));
        received.end();

        assertThat(received.readAllBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void keepsItsOwnCopyOfEachPart() throws IOException {
        byte[] reused = {7, 8};
        received.offer(ByteBuffer.wrap(reused));
        reused[0] = 0;

        assertThat(received.read()).isEqualTo(7);
    }

    @Test
    void endsAfterDeliveringWhatIsBuffered() throws IOException {
        received.offer(ByteBuffer.wrap(new byte[] {5}));
        received.end();

        assertThat(received.read()).isEqualTo(5);
        assertThat(received.read()).isEqualTo(-1);
    }

    @Test
    void failureSurfacesAfterWhatIsBuffered() throws IOException {
        received.offer(ByteBuffer.wrap(new byte[] {5}));
        received.fail(new IOException("connection reset"));

        assertThat(received.read()).isEqualTo(5);
        assertThatThrownBy(received::read).isInstanceOf(IOException.class).hasMessageContaining("connection reset");
    }

    @Test
    void closeReleasesABlockedReader() throws Exception {
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return received.read();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(reader).isNotDone();

        received.close();

        assertThat(reader.get(2, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void controlMessageRenewsTheRequestItUsedUp() {
        received.start();
        received.renewRequest();

        assertThat(requests).hasValue(2);
        assertThat(received.buffered()).isZero();
    }
}
