package parley.invite;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What a link may leave out because the reader can infer it (docs/protocol.md section 4, "short links"): the web
 * broker address implied by the web client's origin, and the mqtts default port. The writer and the parser use
 * the same rules, so a short link reads back as the invite it was written from.
 */
public final class ShortForms {
    static final int DEFAULT_MQTTS_PORT = 8883;
    private static final int DEFAULT_HTTPS_PORT = 443;
    /** Where the deployment's nginx serves the broker to browsers, on the web client's own origin. */
    private static final String WSS_PATH = "/mqtt";

    private ShortForms() {}

    /** {@code wss://H[:P]/mqtt} for a base {@code https://H[:P]/...}; empty for any other base. */
    public static Optional<URI> impliedWss(URI base) {
        if (!"https".equalsIgnoreCase(base.getScheme()) || base.getHost() == null || base.getRawUserInfo() != null) {
            return Optional.empty();
        }
        int port = base.getPort();
        String portPart = port == -1 || port == DEFAULT_HTTPS_PORT ? "" : ":" + port;
        return Optional.of(URI.create("wss://" + base.getHost().toLowerCase(Locale.ROOT) + portPart + WSS_PATH));
    }

    /** Whether a link under {@code base} may leave {@code wss} out. */
    static boolean isImplied(URI wss, Optional<URI> base) {
        return base.flatMap(ShortForms::impliedWss).filter(implied -> implied.toString().equals(wss.toString()))
                .isPresent();
    }

    /** {@code mqtts://host} for {@code mqtts://host:8883}; any other URL as it is. */
    static String withoutDefaultPort(URI mqtts) {
        return mqtts.getPort() == DEFAULT_MQTTS_PORT ? "mqtts://" + mqtts.getHost() : mqtts.toString();
    }

    /** {@code mqtts://host:8883} for {@code mqtts://host}: what a reader gives back, whichever was written. */
    static URI withPort(URI mqtts) {
        return mqtts.getPort() == -1 ? URI.create("mqtts://" + mqtts.getHost() + ":" + DEFAULT_MQTTS_PORT) : mqtts;
    }
}
