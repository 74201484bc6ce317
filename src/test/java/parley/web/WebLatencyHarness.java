package parley.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import parley.chat.ChatEvent;
import parley.chat.PendingInvite;
import parley.testing.BrokerStack;

/**
 * Desktop to browser one-way latency over the stack's wss path, as a user sees it: from the desktop's
 * {@code ChatService.send} call to the message's bubble appearing in the browser's conversation (so it includes
 * the desktop's outbox write and the browser's IndexedDB writes). Not a test: prints median, p90, p99 and max.
 *
 * <p>Run (after {@code mvn verify} built target/web and the test classes):
 * {@code PARLEY_WS_BRIDGE=none|websockify java -cp ... -Dparley.repo=. parley.web.WebLatencyHarness [count]}.
 * The topology is scripts/stack's: {@code PARLEY_WS_BRIDGE} picks it (see docs/web-latency.md).
 */
public final class WebLatencyHarness {
    private WebLatencyHarness() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String topology = Optional.ofNullable(System.getenv("PARLEY_WS_BRIDGE")).orElse("(stack default)");
        if (args.length > 1 && args[1].equals("transport")) {
            transportOnly(count, topology);
            return;
        }
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try (BrokerStack stack = BrokerStack.start();
             Desktop desktop = Desktop.start(stack, "Latency");
             Browser browser = Browser.start(stack, 1280, 900)) {
            PendingInvite invite = desktop.service.createInvite(Optional.empty()).get();
            browser.open(invite.link());
            browser.find("#pane .join-button").click();
            desktop.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), Duration.ofSeconds(30));
            browser.until(Duration.ofSeconds(30), d -> "online".equals(
                    browser.find("#pane .chat-status").getAttribute("data-status")));
            browser.script("""
                    window.arrivals = new Map();
                    window.waiting = new Map();
                    new MutationObserver((records) => {
                      const at = performance.timeOrigin + performance.now();
                      for (const r of records) for (const n of r.addedNodes) {
                        const text = n.querySelector?.('.text')?.textContent ?? '';
                        if (!n.classList?.contains('in') || !text.startsWith('lat:')) continue;
                        const i = text.split(':')[1];
                        window.arrivals.set(i, at);
                        window.waiting.get(i)?.(at);
                      }
                    }).observe(document.querySelector('#pane .messages'), {childList: true});
                    """);
            List<Double> latencies = new ArrayList<>();
            List<Double> sendCalls = new ArrayList<>();
            int warmUp = Math.min(50, count / 10);
            for (int i = 0; i < count + warmUp; i++) {
                String id = Integer.toString(i);
                Future<Object> arrival = waiter.submit(() -> browser.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        const i = arguments[0];
                        if (window.arrivals.has(i)) done(window.arrivals.get(i));
                        else window.waiting.set(i, done);
                        """, id));
                Instant sent = Instant.now();
                long t0 = System.nanoTime();
                desktop.service.send(invite.chat(), "lat:" + id + ":" + sent).get();
                if (i >= warmUp) sendCalls.add((System.nanoTime() - t0) / 1e6);
                double arrivedMs = ((Number) arrival.get()).doubleValue();
                double sentMs = sent.getEpochSecond() * 1000.0 + sent.getNano() / 1_000_000.0;
                if (i >= warmUp) latencies.add(arrivedMs - sentMs);
            }
            latencies.sort(Double::compare);
            System.out.printf(Locale.ROOT, "topology %s: %d messages desktop -> browser, one-way ms: median %.2f,"
                            + " p90 %.2f, p99 %.2f, max %.2f, min %.2f%n", topology, latencies.size(),
                    pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.getLast(),
                    latencies.getFirst());
            sendCalls.sort(Double::compare);
            System.out.printf(Locale.ROOT, "  of which the desktop's send call (outbox write, seal, publish): median %.2f,"
                    + " p99 %.2f%n", pct(sendCalls, 50), pct(sendCalls, 99));
        } finally {
            waiter.shutdownNow();
        }
    }

    /**
     * The transport alone: a plain Paho publisher over mqtts (no chat service, no store) to the page's own mqtt.js
     * (the client's vendor bundle) subscribed over the stack's wss, QoS 1 both legs; arrival = mqtt.js's message event.
     */
    private static void transportOnly(int count, String topology) throws Exception {
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try (BrokerStack stack = BrokerStack.start();
             Browser browser = Browser.start(stack, 800, 600);
             parley.testing.Rogue publisher = parley.testing.Rogue.connect(stack, "latency-publisher")) {
            String inbox = parley.crypto.InboxId.random().value();
            browser.open(stack.httpsUri().toString());
            Object ok = browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/vendor/mqtt.esm.js').then(({default: mqtt}) => {
                      window.arrivals = new Map();
                      window.waiting = new Map();
                      const c = mqtt.connect(arguments[0], {clientId: arguments[1], clean: true, protocolVersion: 4,
                        reconnectPeriod: 0, timerVariant: 'native'});
                      c.on('message', (t, payload) => {
                        const at = performance.timeOrigin + performance.now();
                        const i = new TextDecoder().decode(payload).split(':')[1];
                        window.arrivals.set(i, at);
                        window.waiting.get(i)?.(at);
                      });
                      c.on('connect', () => c.subscribe('/chats/' + arguments[1] + '/messages', {qos: 1},
                        () => done(true)));
                      c.on('error', (e) => done(String(e)));
                    });
                    """, stack.wssUri().toString(), inbox);
            if (!Boolean.TRUE.equals(ok)) throw new IllegalStateException("browser could not subscribe: " + ok);
            List<Double> latencies = new ArrayList<>();
            int warmUp = Math.min(50, count / 10);
            for (int i = 0; i < count + warmUp; i++) {
                String id = Integer.toString(i);
                Future<Object> arrival = waiter.submit(() -> browser.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        const i = arguments[0];
                        if (window.arrivals.has(i)) done(window.arrivals.get(i));
                        else window.waiting.set(i, done);
                        """, id));
                Instant sent = Instant.now();
                publisher.publish("/chats/" + inbox + "/messages",
                        ("lat:" + id + ":" + "x".repeat(300)).getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
                double arrivedMs = ((Number) arrival.get()).doubleValue();
                double sentMs = sent.getEpochSecond() * 1000.0 + sent.getNano() / 1_000_000.0;
                if (i >= warmUp) latencies.add(arrivedMs - sentMs);
            }
            latencies.sort(Double::compare);
            System.out.printf(Locale.ROOT, "transport only, topology %s: %d messages mqtts -> wss, one-way ms: median"
                            + " %.2f, p90 %.2f, p99 %.2f, max %.2f, min %.2f%n", topology, latencies.size(),
                    pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.getLast(),
                    latencies.getFirst());
        } finally {
            waiter.shutdownNow();
        }
    }

    private static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
