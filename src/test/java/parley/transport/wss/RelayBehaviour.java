package parley.transport.wss;

import java.time.Duration;

/**
 * What the test relay does to the websocket besides relaying.
 *
 * @param fragments how many frames each broker-to-client message is split into (1 = unfragmented)
 * @param firstPing delay from the handshake to the first PING, {@code null} for no PINGs
 * @param pingEvery interval between PINGs
 * @param unsolicitedPongs whether a PONG nobody asked for is sent every few PINGs
 */
record RelayBehaviour(int fragments, Duration firstPing, Duration pingEvery, boolean unsolicitedPongs) {
    /** PING every 200 ms, every message in 2-3 fragments, stray PONGs: what Paho's own module cannot survive. */
    static RelayBehaviour hostile() {
        return new RelayBehaviour(3, Duration.ofMillis(200), Duration.ofMillis(200), true);
    }

    /** Only PINGs, the first one a second after the handshake: enough time to finish an MQTT CONNECT. */
    static RelayBehaviour pingsOnly() {
        return new RelayBehaviour(1, Duration.ofSeconds(1), Duration.ofMillis(200), false);
    }

    /** Only fragmentation. */
    static RelayBehaviour fragmentsOnly() {
        return new RelayBehaviour(3, null, Duration.ZERO, false);
    }
}
