package parley.check;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The addresses of one Parley deployment: its mqtts listener, its wss listener (nginx's {@code /mqtt}), the web
 * client, and an extra CA file to trust besides the system's roots.
 */
public record Deployment(URI mqtts, URI wss, URI web, Optional<Path> caFile) {
    /** The public mqtts port of a Parley server (docs/protocol.md section 1). */
    static final int MQTTS_PORT = 8883;

    public Deployment {
        Objects.requireNonNull(caFile, "caFile");
        requireScheme("the mqtts address", mqtts, "mqtts");
        requireScheme("the wss address", wss, "wss");
        requireScheme("the web address", web, "https", "http");
    }

    /**
     * The deployment named by a host ({@code chat.example.org}) or a URL of one of its parts ({@code mqtts://h:p},
     * {@code wss://h:p/mqtt}, {@code https://h:p/}): the other parts are where a Parley server puts them on the
     * same host (mqtts on 8883, the web client and {@code /mqtt} on https). An explicit URL overrides each.
     */
    public static Deployment of(String hostOrUrl, Optional<URI> mqtts, Optional<URI> wss, Optional<URI> web,
                                Optional<Path> caFile) {
        URI given = parse(hostOrUrl);
        String scheme = given.getScheme().toLowerCase(Locale.ROOT);
        String host = given.getHost();
        String https = switch (scheme) {
            case "https", "wss" -> authority("https", host, given.getPort());
            case "http" -> authority("http", host, given.getPort());
            default -> authority("https", host, -1);
        };
        URI ownMqtts = scheme.equals("mqtts") ? given : URI.create(authority("mqtts", host, MQTTS_PORT));
        URI ownWss = scheme.equals("wss") ? given : URI.create(https.replaceFirst("^https?", "wss") + "/mqtt");
        URI ownWeb = scheme.startsWith("http") ? given : URI.create(https + "/");
        return new Deployment(mqtts.orElse(ownMqtts), wss.orElse(ownWss), web.orElse(ownWeb), caFile);
    }

    private static URI parse(String hostOrUrl) {
        String text = hostOrUrl.strip();
        if (text.isEmpty()) throw new IllegalArgumentException("name the deployment: a host name or a URL");
        URI uri;
        try {
            uri = URI.create(text.contains("://") ? text : "host://" + text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a host name nor a URL");
        }
        if (uri.getHost() == null) throw new IllegalArgumentException("'" + text + "' names no host");
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("host")) {
            if (uri.getPort() != -1 || !uri.getRawPath().isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': give a bare host name, or a URL with its scheme "
                        + "(mqtts://, wss://, https://) to name a port");
            }
            return URI.create("host://" + uri.getHost());
        }
        if (!scheme.matches("mqtts|wss|https|http")) {
            throw new IllegalArgumentException("'" + text + "': a URL starts with mqtts://, wss:// or https://");
        }
        return uri;
    }

    private static String authority(String scheme, String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + h + (port == -1 ? "" : ":" + port);
    }

    private static void requireScheme(String what, URI uri, String... schemes) {
        Objects.requireNonNull(uri, what);
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || java.util.Arrays.stream(schemes).noneMatch(scheme::equals)) {
            throw new IllegalArgumentException(what + " must be a " + String.join(":// or ", schemes)
                    + ":// URL with a host, got '" + uri + "'");
        }
    }

    /** host:port of a URL, with the scheme's default port. */
    static Endpoint endpoint(URI uri) {
        int port = uri.getPort();
        if (port == -1) {
            port = switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
                case "mqtts" -> MQTTS_PORT;
                case "http" -> 80;
                default -> 443;
            };
        }
        return new Endpoint(uri.getHost().replaceAll("^\\[|\\]$", ""), port);
    }
}
