package parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectGateTest {
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final List<Integer> started = new CopyOnWriteArrayList<>();
    private final List<ConnectGate.Pass> passes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private void enter(ConnectGate gate, int n) {
        gate.enter(pass -> {
            started.add(n);
            passes.add(pass);
        });
    }

    @Test
    void letsTheLimitThroughAndTheRestInOrderAsEarlierOnesEnd() {
        ConnectGate gate = new ConnectGate(2, Runnable::run, timer, Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) enter(gate, i);
        assertThat(started).containsExactly(0, 1);
        assertThat(gate.waiting()).isEqualTo(3);

        passes.get(1).done();
        assertThat(started).containsExactly(0, 1, 2);
        passes.get(1).done(); // a second end of the same attempt frees nothing more
        assertThat(started).containsExactly(0, 1, 2);
        assertThat(gate.inFlight()).isEqualTo(2);

        passes.get(0).done();
        passes.get(2).done();
        assertThat(started).containsExactly(0, 1, 2, 3, 4);
        passes.get(3).done();
        passes.get(4).done();
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aPassNobodyEndsFreesItsPlaceAfterItsExpiry() {
        List<Runnable> expiries = new CopyOnWriteArrayList<>();
        ScheduledThreadPoolExecutor held = new ScheduledThreadPoolExecutor(1) { // expiries run when the test says
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                assertThat(unit.toSeconds(delay)).isEqualTo(30);
                expiries.add(command);
                return null;
            }
        };
        try {
            ConnectGate gate = new ConnectGate(1, Runnable::run, held, Duration.ofSeconds(30));
            enter(gate, 0); // never ended: a callback that never came
            enter(gate, 1);
            assertThat(started).containsExactly(0);
            expiries.getFirst().run();
            assertThat(started).containsExactly(0, 1);
            passes.get(0).done(); // the late callback after all: frees nothing twice
            assertThat(gate.inFlight()).isEqualTo(1);
        } finally {
            held.shutdownNow();
        }
    }

    @Test
    void refusesAGateThatLetsNothingThrough() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConnectGate(0, Runnable::run, timer, Duration.ofSeconds(1)))
                .withMessageContaining("limit");
    }
}
