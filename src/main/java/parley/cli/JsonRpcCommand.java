package parley.cli;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import parley.chat.Chat;
import parley.chat.ChatEvent;
import parley.chat.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley jsonrpc}: one process that stays online for a bot or script. JSON-RPC 2.0 requests come in as
 * lines on stdin and are served concurrently; replies (with the request's id) and events go out as lines on
 * stdout. The end of stdin or SIGTERM closes the profile cleanly: what is still in the outbox goes out on the
 * next start. The schema is docs/bot.md.
 */
@Command(name = "jsonrpc", description = {
        "Stay online for a bot: read JSON-RPC 2.0 requests (send, invite, join, chats, history, safety, verify,",
        "rekey, rename, delete, sendFile, download, stopTransfer, saveFile) as lines on stdin; write replies and",
        "events (a file's progress too) as lines on stdout (docs/bot.md).",
        "The end of stdin or SIGTERM stops it cleanly; messages not yet delivered stay in the outbox."})
final class JsonRpcCommand implements Callable<Integer> {
    /** Requests served at once; the next line is read when one finishes. */
    private static final int IN_FLIGHT = 32;

    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        RpcOutput output = new RpcOutput(spec.commandLine().getOut(), err);
        ProfileOpener.OpenProfile profile = parent.open();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable close = () -> {
            synchronized (closed) { // SIGTERM's hook and the end of stdin may race: the second waits for the first
                if (!closed.getAndSet(true)) {
                    profile.close();
                }
            }
        };
        EventWaiter events = new EventWaiter(profile.chats());
        Thread pump;
        try {
            List<Chat> chats = profile.chats().chats().join();
            output.event(RpcEvents.started(chats.size()));
            Backlog backlog = new Backlog(profile.chats());
            backlog.drain(Optional.empty(), Integer.MAX_VALUE, m -> output.event(JsonLines.message(m)));
            RpcEvents mapping = new RpcEvents(chats);
            pump = Thread.ofPlatform().name("parley-rpc-events").daemon().start(() -> pump(events, mapping, backlog,
                    output));
        } catch (RuntimeException e) {
            close.run();
            throw e;
        }
        Thread onTerm = new Thread(() -> stop(close, pump), "parley-rpc-sigterm");
        Runtime.getRuntime().addShutdownHook(onTerm);
        serve(new RpcMethods(profile.chats()), output, err);
        stop(close, pump);
        try {
            Runtime.getRuntime().removeShutdownHook(onTerm);
        } catch (IllegalStateException alreadyShuttingDown) {
            // SIGTERM came while stdin ended: the hook does the same
        }
        return ExitCode.OK.code;
    }

    /** Reads requests until stdin ends, then waits for the ones in flight (each within its own timeout). */
    private static void serve(RpcMethods methods, RpcOutput output, PrintWriter err) throws Exception {
        LineInput input = new LineInput(System.in);
        Semaphore slots = new Semaphore(IN_FLIGHT);
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        while (true) {
            LineInput.Read read = input.next();
            RpcRequest request;
            switch (read) {
                case LineInput.Read.End end -> {
                    slots.acquire(IN_FLIGHT);
                    return;
                }
                case LineInput.Read.Unreadable bad -> {
                    output.error(JsonNull.INSTANCE, new RpcFailure(RpcFailure.PARSE_ERROR, bad.why()));
                    continue;
                }
                case LineInput.Read.Line line -> {
                    if (line.text().isBlank()) {
                        continue;
                    }
                    try {
                        request = RpcRequest.parse(line.text());
                    } catch (RpcRequest.Unreadable e) {
                        output.error(e.id, e.failure);
                        continue;
                    }
                }
            }
            String key = request.id().toString();
            if (!inFlight.add(key)) {
                output.error(request.id(), new RpcFailure(RpcFailure.INVALID_REQUEST, "id " + key
                        + " is already in flight: give each request its own id"));
                continue;
            }
            slots.acquire();
            Thread.ofVirtual().name("parley-rpc-" + request.method()).start(() -> {
                try {
                    output.result(request.id(), methods.call(request));
                } catch (Throwable t) {
                    RpcFailure failure = RpcFailure.of(t);
                    if (failure.code == ExitCode.INTERNAL.code) {
                        ParleyCommand.unwrap(t).printStackTrace(err);
                    }
                    output.error(request.id(), failure);
                } finally {
                    inFlight.remove(key);
                    slots.release();
                }
            });
        }
    }

    /** Writes events as they come; an incoming message counts as shown once written. */
    private static void pump(EventWaiter events, RpcEvents mapping, Backlog backlog, RpcOutput output) {
        boolean stopping = false;
        while (true) {
            Optional<ChatEvent> event;
            try {
                event = events.next(stopping ? Duration.ZERO : Duration.ofDays(1));
            } catch (InterruptedException e) {
                stopping = true; // the profile is closed: write what is left, then end
                continue;
            }
            if (event.isEmpty()) {
                if (stopping) {
                    return;
                }
                continue;
            }
            Optional<Message> incoming = event.get() instanceof ChatEvent.MessageAdded added
                    && !added.message().outgoing() ? Optional.of(added.message()) : Optional.empty();
            if (incoming.isPresent() && !backlog.isNew(incoming.get())) {
                continue; // the backlog at start wrote it
            }
            for (JsonObject line : mapping.of(event.get())) {
                output.event(line);
            }
            if (incoming.isPresent() && !stopping) {
                backlog.shown(incoming.get());
            }
        }
    }

    private static void stop(Runnable close, Thread pump) {
        close.run();
        pump.interrupt();
        try {
            pump.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
