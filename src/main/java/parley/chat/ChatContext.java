package parley.chat;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import parley.store.ProfileStore;
import parley.transport.BrokerProfile;
import parley.transport.Transport;

/**
 * What a chat session works with, and all it sees of the service: the profile's store, the transport, the broker
 * a chat talks through, the name sent in handshakes, the clock and scheduler of the chat thread, the timings,
 * and where its events go.
 */
record ChatContext(ProfileStore store, Transport transport, Function<ChatRecord, BrokerProfile> brokerFor,
                   Optional<String> displayName, Clock clock, Scheduler scheduler, ChatTimings timings,
                   Consumer<ChatEvent> events) {
    void emit(ChatEvent event) {
        events.accept(event);
    }
}
