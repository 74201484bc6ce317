package parley.transport;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A broker URL reduced to what says which server it reaches, so that two spellings of one broker compare equal:
 * the scheme and host in lower case, a host's trailing dot dropped, an IPv6 literal in its canonical form, the
 * scheme's default port filled in (mqtts 8883, wss 443) and, for wss, the path (empty means {@code /}). Nothing
 * is looked up: {@code localhost} and {@code 127.0.0.1} are two brokers here, which errs on the side of sending
 * a login nowhere it was not meant for.
 *
 * @param host the host without brackets; an IPv6 literal in full ({@code 0:0:0:0:0:0:0:1})
 */
public record BrokerAddress(String scheme, String host, int port, String path) {
    static final int DEFAULT_WSS_PORT = 443;

    public BrokerAddress {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
    }

    /** The address of an {@code mqtts://} or {@code wss://} URL; anything else is an IllegalArgumentException. */
    public static BrokerAddress of(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "mqtts" -> BrokerProfile.DEFAULT_MQTTS_PORT;
            case "wss" -> DEFAULT_WSS_PORT;
            default -> throw new IllegalArgumentException("broker URL: must start with mqtts:// or wss://, got '"
                    + url + "'");
        };
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("broker URL: has no host name: '" + url + "'");
        }
        int port = url.getPort() == -1 ? defaultPort : url.getPort();
        String path = scheme.equals("wss") ? pathOf(url) : "/";
        return new BrokerAddress(scheme, hostOf(url.getHost()), port, path);
    }

    /** What a user reads: the host, with the port when it is not the scheme's default; IPv6 in brackets. */
    public String display() {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        boolean defaultPort = port == (scheme.equals("wss") ? DEFAULT_WSS_PORT : BrokerProfile.DEFAULT_MQTTS_PORT);
        return defaultPort ? shown : shown + ":" + port;
    }

    private static String hostOf(String raw) {
        String host = raw.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            String literal = host.substring(1, host.length() - 1);
            try {
                return InetAddress.ofLiteral(literal).getHostAddress(); // parses only: never resolves a name
            } catch (IllegalArgumentException unusual) {
                return literal; // a zone id, say: compared as written
            }
        }
        // "example.org." is the same, fully qualified, name; an IPv4 address is compared as written (resolvers
        // read "0177.0.0.1" differently, so only the exact spelling counts as the same)
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static String pathOf(URI url) {
        String path = url.normalize().getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    @Override
    public String toString() {
        return scheme + "://" + display() + (path.equals("/") ? "" : path);
    }
}
