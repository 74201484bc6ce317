package parley.chat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import parley.crypto.InboxId;
import parley.transport.BrokerProfile;
import parley.transport.ConnectionListener;
import parley.transport.ConnectionState;
import parley.transport.InboxConnection;
import parley.transport.MqttTransport;

/**
 * Tries a broker once the way the app will use it: the real transport (Parley's TLS module, hostname verification,
 * the profile's CA file and login), a throw-away inbox connected and subscribed, then retired so that the broker
 * keeps no session for it. Never on the event dispatch thread: {@link #result} completes on a background thread.
 */
public final class ServerCheck implements AutoCloseable {
    /** What the check found: {@code sentence} says it in words for the user, with what to do when it failed. */
    public record Outcome(boolean reachable, String sentence) {}

    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-connection-check");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean finished = new AtomicBoolean();
    private final URI address;
    private volatile MqttTransport transport;
    private volatile InboxConnection connection;

    private ServerCheck(BrokerProfile profile) {
        this.address = profile.preferred();
    }

    /**
     * Starts checking the server as a profile with these settings would reach it (its mqtts URL); the outcome
     * arrives in {@link #result}.
     *
     * @throws IllegalArgumentException when the settings cannot make a broker profile (a password without a user)
     */
    public static ServerCheck start(URI mqtts, Optional<URI> wss, Optional<URI> web, Optional<Path> caFile,
                                    Optional<String> username, Optional<String> password) {
        BrokerProfile profile = new BrokerProfile(Optional.of(mqtts), wss, web, caFile, username, password);
        ServerCheck check = new ServerCheck(profile);
        check.callbacks.execute(() -> check.connect(profile));
        return check;
    }

    public CompletableFuture<Outcome> result() {
        return result;
    }

    /** Stops the check (the user cancelled, or the dialog closed); the result is left incomplete. */
    @Override
    public void close() {
        finish(null);
    }

    private void connect(BrokerProfile profile) {
        try {
            transport = new MqttTransport();
            connection = transport.open(profile, InboxId.random(), new ConnectionListener() {
                @Override
                public void onMessage(byte[] payload, boolean retained) {
                    // a fresh inbox: nothing is expected, and nothing here would read it
                }

                @Override
                public void onStateChanged(ConnectionState state) {
                    stateChanged(state);
                }
            }, callbacks);
            connection.start();
        } catch (IllegalArgumentException e) {
            // a CA file that is not PEM, say: the transport says which in words
            finish(new Outcome(false, CheckSentences.capitalised(e.getMessage()) + "."));
        }
    }

    private void stateChanged(ConnectionState state) {
        switch (state) {
            case ConnectionState.Connected connected -> {
                InboxConnection c = connection;
                Outcome ok = new Outcome(true, "Connected to " + CheckSentences.hostAndPort(address) + ".");
                // retire: the broker forgets the throw-away inbox; a failure there does not make the server bad
                c.retire().whenComplete((done, failure) -> finish(ok));
            }
            case ConnectionState.Waiting waiting -> finish(new Outcome(false,
                    CheckSentences.forRetry(waiting.reason(), address)));
            case ConnectionState.Failed failed -> finish(new Outcome(false,
                    CheckSentences.forFailure(failed.kind(), address)));
            case ConnectionState.TakenOver takenOver -> finish(new Outcome(false,
                    "The server keeps dropping the connection. Try again in a minute."));
            case ConnectionState.Connecting connecting -> { }
            case ConnectionState.Closed closed -> { }
        }
    }

    private void finish(Outcome outcome) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        // closing waits for Paho's threads: never on the caller's thread, which may be the EDT
        Thread.ofVirtual().name("parley-connection-check-close").start(() -> {
            InboxConnection c = connection;
            if (c != null) {
                c.close();
            }
            MqttTransport t = transport;
            if (t != null) {
                t.close();
            }
            callbacks.shutdown();
            if (outcome != null) {
                result.complete(outcome);
            }
        });
    }
}
