package parley.invite;

import java.net.URI;
import java.util.Optional;

/**
 * The rules for the broker addresses an invite carries, shared by {@link Invite} and the link parser so that both
 * refuse the same things. Each check returns the problem as the end of a sentence, or empty when the URL is fine.
 */
final class BrokerUrls {
    private BrokerUrls() {}

    /** A browser's address: {@code wss://host[:port][/path][?query]}, no user info, no fragment. */
    static Optional<String> wssProblem(URI url) {
        if (!"wss".equalsIgnoreCase(url.getScheme())) {
            return Optional.of("must be a wss:// URL");
        }
        return hostAndPortProblem(url, "wss://host[:port][/path]")
                .or(() -> url.getRawFragment() != null
                        ? Optional.of("must not have a #fragment")
                        : Optional.empty());
    }

    /**
     * The desktop's address: {@code mqtts://host[:port]} and nothing else. Paho spells the scheme {@code ssl://},
     * the link never does (docs/protocol.md section 4), so {@code ssl://} and plain {@code tcp://} get a message that
     * says which scheme to use.
     */
    static Optional<String> mqttsProblem(URI url) {
        if (!"mqtts".equalsIgnoreCase(url.getScheme())) {
            String scheme = url.getScheme();
            return Optional.of(scheme == null || scheme.length() > 10
                    ? "must be an mqtts:// URL"
                    : "must use mqtts://, not " + scheme + "://");
        }
        Optional<String> hostProblem = hostAndPortProblem(url, "mqtts://host[:port]");
        if (hostProblem.isPresent()) {
            return hostProblem;
        }
        boolean onlyHostAndPort = (url.getRawPath() == null || url.getRawPath().isEmpty())
                && url.getRawQuery() == null && url.getRawFragment() == null;
        return onlyHostAndPort ? Optional.empty() : Optional.of("must be just mqtts://host[:port]");
    }

    private static Optional<String> hostAndPortProblem(URI url, String shape) {
        // URI leaves host null for an opaque URI ("wss:host") or a registry-based authority ("wss://a_b")
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            return Optional.of("must have the form " + shape);
        }
        if (url.getPort() == 0 || url.getPort() > 65535) {
            return Optional.of("has a port outside 1 to 65535");
        }
        return Optional.empty();
    }
}
