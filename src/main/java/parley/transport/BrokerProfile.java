package parley.transport;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import parley.transport.wss.WssTransportSupport;

/**
 * Where and how to reach a broker: an {@code mqtts://} and/or a {@code wss://} URL, the web client's base
 * URL, an extra CA file trusted besides the system's roots, and optional credentials.
 *
 * @param mqtts   {@code mqtts://host[:port]} (port 8883 when absent); Paho is given it as
 *                {@code parley-mqtts://}, Parley's guarded TLS module
 * @param wss     {@code wss://host[:port]/path}
 * @param webBase {@code https://...}: where the browser client is served (for invite links)
 * @param caFile  a PEM file with one or more CA certificates, trusted in addition to the system's roots
 */
public record BrokerProfile(Optional<URI> mqtts, Optional<URI> wss, Optional<URI> webBase, Optional<Path> caFile,
                            Optional<String> username, Optional<String> password) {
    static final int DEFAULT_MQTTS_PORT = 8883;

    public BrokerProfile {
        Objects.requireNonNull(mqtts, "mqtts");
        Objects.requireNonNull(wss, "wss");
        Objects.requireNonNull(webBase, "webBase");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        mqtts.ifPresent(uri -> checkServer("mqtts", uri, false));
        wss.ifPresent(uri -> checkServer("wss", uri, true));
        webBase.ifPresent(BrokerProfile::checkWebBase);
        if (mqtts.isEmpty() && wss.isEmpty()) {
            throw new IllegalArgumentException("broker profile: needs an mqtts:// or a wss:// URL");
        }
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("broker profile: a password needs a username");
        }
        if (username.isPresent() && username.get().isEmpty()) {
            throw new IllegalArgumentException("broker profile: the username is empty");
        }
    }

    /** A profile with just one server URL ({@code mqtts://} or {@code wss://}). */
    public static BrokerProfile of(URI server) {
        Objects.requireNonNull(server, "server");
        return switch (String.valueOf(server.getScheme()).toLowerCase(java.util.Locale.ROOT)) {
            case "mqtts" -> new BrokerProfile(Optional.of(server), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
            case "wss" -> new BrokerProfile(Optional.empty(), Optional.of(server), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
            default -> throw new IllegalArgumentException(
                    "broker URL: must start with mqtts:// or wss://, got '" + server + "'");
        };
    }

    public BrokerProfile withCaFile(Path file) {
        return new BrokerProfile(mqtts, wss, webBase, Optional.of(file), username, password);
    }

    public BrokerProfile withCredentials(String user, String secret) {
        return new BrokerProfile(mqtts, wss, webBase, caFile, Optional.of(user), Optional.of(secret));
    }

    public BrokerProfile withWebBase(URI base) {
        return new BrokerProfile(mqtts, wss, Optional.of(base), caFile, username, password);
    }

    /**
     * Whether {@code url} reaches this profile's broker: it is the profile's mqtts or wss URL, spelled perhaps
     * differently ({@link BrokerAddress}). Only such a broker gets the profile's CA file and login.
     */
    public boolean serves(URI url) {
        BrokerAddress address = BrokerAddress.of(url);
        return mqtts.map(BrokerAddress::of).filter(address::equals).isPresent()
                || wss.map(BrokerAddress::of).filter(address::equals).isPresent();
    }

    /** The URL the desktop connects to: mqtts when present (faster, see docs/protocol.md section 7), else wss. */
    public URI preferred() {
        return mqtts.or(() -> wss).orElseThrow();
    }

    /**
     * {@link #preferred()} spelled as Paho wants it: {@code mqtts://h:p} becomes {@code parley-mqtts://h:p} (see
     * {@link GuardedTlsNetworkModuleFactory}).
     */
    String pahoUri() {
        URI uri = preferred();
        // Paho's own websocket module dies on a PING (its frame reader takes only binary and close frames); ours answers to its own scheme
        if (!uri.getScheme().equalsIgnoreCase("mqtts")) return WssTransportSupport.brokerUri(uri);
        int port = uri.getPort() == -1 ? DEFAULT_MQTTS_PORT : uri.getPort();
        return GuardedTlsNetworkModuleFactory.SCHEME + "://" + uri.getHost() + ":" + port;
    }

    @Override
    public String toString() {
        return "BrokerProfile[mqtts=" + mqtts.map(URI::toString).orElse("-")
                + ", wss=" + wss.map(URI::toString).orElse("-")
                + ", webBase=" + webBase.map(URI::toString).orElse("-")
                + ", caFile=" + caFile.map(Path::toString).orElse("-")
                + ", username=" + username.orElse("-")
                + ", password=" + password.map(p -> "***").orElse("-") + "]";
    }

    private static void checkServer(String scheme, URI uri, boolean pathAllowed) {
        String field = scheme + " URL";
        if (!uri.isAbsolute() || !scheme.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(field + ": must start with " + scheme + "://, got '" + uri + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(field + ": has no host name: '" + uri + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(field + ": must not hold a user name (use the profile's credentials)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(field + ": must not have a query or fragment: '" + uri + "'");
        }
        String path = uri.getRawPath();
        if (!pathAllowed && path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException(field + ": must not have a path: '" + uri + "'");
        }
    }

    private static void checkWebBase(URI uri) {
        if (!uri.isAbsolute() || !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("web base URL: must start with https://, got '" + uri + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("web base URL: has no host name: '" + uri + "'");
        }
    }
}
