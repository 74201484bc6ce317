package parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.crypto.InboxId;
import parley.testing.BrokerStack;
import parley.testing.BrokerStack.ServerCertificate;
import parley.transport.ConnectionState.Connected;
import parley.transport.ConnectionState.Connecting;
import parley.transport.ConnectionState.Failed;
import parley.transport.ConnectionState.Failure;

/** Certificates that must not be accepted end in a clear, final failure, not in a retry loop. */
class TlsFailureIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static BrokerStack stack;
    private static BrokerStack wrongHost;

    private final MqttTransport transport = new MqttTransport();
    private final List<RecordingListener> listeners = new ArrayList<>();

    @BeforeAll
    static void startStacks() {
        stack = BrokerStack.start();
        wrongHost = BrokerStack.start(BrokerStack.Options.defaults()
                .withServerCertificate(ServerCertificate.WRONG_HOST));
    }

    @AfterAll
    static void stopStacks() {
        if (stack != null) stack.close();
        if (wrongHost != null) wrongHost.close();
    }

    @AfterEach
    void closeTransport() {
        transport.close();
        listeners.forEach(RecordingListener::close);
    }

    private RecordingListener start(BrokerProfile profile) {
        var listener = new RecordingListener();
        listeners.add(listener);
        transport.open(profile, InboxId.random(), listener, listener.executor).start();
        return listener;
    }

    /** Fails with {@code kind}, and does not try again. */
    private Failed assertFailsForGood(RecordingListener listener, Failure kind) throws InterruptedException {
        Failed failed = listener.await(Failed.class, TIMEOUT);
        assertThat(failed.kind()).isEqualTo(kind);
        Thread.sleep(2000);
        assertThat(listener.states(Connecting.class)).as("no retry loop").hasSize(1);
        assertThat(listener.states().getLast()).isEqualTo(failed);
        return failed;
    }

    @Test
    void aCertificateFromAnUnrelatedCaIsNotTrusted() throws Exception {
        var listener = start(BrokerProfile.of(stack.mqttsUri()).withCaFile(stack.otherCaFile()));
        Failed failed = assertFailsForGood(listener, Failure.UNTRUSTED_CERTIFICATE);
        assertThat(failed.message()).startsWith("the broker's certificate is not trusted");
    }

    @Test
    void withoutTheCaFileTheDevCaIsNotTrusted() throws Exception {
        var listener = start(BrokerProfile.of(stack.mqttsUri()));
        assertFailsForGood(listener, Failure.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRejected() throws Exception {
        var listener = start(BrokerProfile.of(wrongHost.mqttsUri()).withCaFile(wrongHost.caFile()));
        Failed failed = assertFailsForGood(listener, Failure.HOSTNAME_MISMATCH);
        assertThat(failed.message()).contains("not issued for this host name");
    }

    @Test
    void theRightCertificateIsAcceptedByNameAndByAddress() throws Exception {
        var byName = start(BrokerProfile.of(stack.mqttsUri()).withCaFile(stack.caFile()));
        var byAddress = start(BrokerProfile.of(URI.create("mqtts://127.0.0.1:" + stack.mqttsPort()))
                .withCaFile(stack.caFile()));
        byName.await(Connected.class, TIMEOUT);
        byAddress.await(Connected.class, TIMEOUT);
    }
}
