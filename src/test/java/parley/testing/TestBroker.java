package parley.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A broker profile under test: Mosquitto ({@link BrokerStack}, one node) or the RabbitMQ cluster
 * ({@link RabbitCluster}, three nodes). Chat tests take one and run the same scenarios on each.
 */
public interface TestBroker {

    /** A username and password, for brokers whose profile needs one. */
    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ***]";
        }
    }

    /** For test names: "mosquitto" or "rabbitmq cluster". */
    String name();

    /** How many nodes serve clients: 1 for Mosquitto. */
    int nodes();

    /** The mqtts URL of node {@code node} (1-based). */
    URI mqttsUri(int node);

    /** The wss URL of node {@code node} (1-based). */
    URI wssUri(int node);

    /** The mqtts URL a user's profile names: the broker itself, or the cluster's load balancer. */
    URI mqttsUri();

    /** The wss URL a user's profile names: the broker itself, or the cluster's load balancer. */
    URI wssUri();

    Path caFile();

    Optional<Credentials> credentials();
}
