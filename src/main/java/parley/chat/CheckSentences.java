package parley.chat;

import java.net.URI;
import java.util.Locale;
import parley.transport.ConnectionState;

/**
 * What a failed connection check means, in sentences with what to do: never an exception's text, which is cut
 * off, technical and sometimes not even English.
 */
public final class CheckSentences {
    private CheckSentences() {}

    /** A failure that retrying cannot mend. */
    static String forFailure(ConnectionState.Failure kind, URI address) {
        String server = hostAndPort(address);
        return switch (kind) {
            case UNTRUSTED_CERTIFICATE -> "The certificate of " + server + " is not trusted. If your server uses its "
                    + "own certificate authority, choose its CA file under Advanced.";
            case HOSTNAME_MISMATCH -> "The certificate of " + server + " is for another name. Type the server's "
                    + "name as its certificate gives it (not its IP address or a nickname).";
            case BAD_CREDENTIALS -> "The server refused the login. Check the username and password under Advanced.";
            case NOT_AUTHORIZED -> "The server does not let this app in. Ask its administrator for a login.";
            case PROTOCOL -> "The program at " + server + " is not a Parley server (it does not speak MQTT over "
                    + "TLS 1.2 or 1.3). Check the server's name and port.";
        };
    }

    /** A failure that retrying cannot mend, in a few words for a status line (no exception's text). */
    static String shortFailure(ConnectionState.Failure kind) {
        return switch (kind) {
            case UNTRUSTED_CERTIFICATE -> "the server's certificate is not trusted";
            case HOSTNAME_MISMATCH -> "the server's certificate is for another name";
            case BAD_CREDENTIALS -> "the server refused the username or password";
            case NOT_AUTHORIZED -> "the server does not let this app in";
            case PROTOCOL -> "the server does not speak Parley's protocol";
        };
    }

    /** A failure a retry might mend (the transport would keep trying); the check reports it at once. */
    static String forRetry(String reason, URI address) {
        String server = hostAndPort(address);
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("host name is unknown")) {
            return "There is no server called " + address.getHost() + ". Check the spelling of the server's name.";
        }
        if (r.contains("did not answer in time")) {
            return "The server " + server + " did not answer in time. Check the name and port, and your network.";
        }
        if (r.contains("closed the connection")) {
            return "The server " + server + " closed the connection. Check the port: it may not be Parley's.";
        }
        return "Parley cannot reach " + server + ". Check the server's name and port, and that it is running.";
    }

    /**
     * A short cause for a connection's detail, for a one-line status: the transport's own phrases pass, anything
     * else (an exception's text, perhaps cut off or technical) becomes "the connection failed".
     */
    public static String plainReason(String detail) {
        String d = detail.toLowerCase(Locale.ROOT);
        for (String known : new String[] {"not reachable", "host name is unknown", "no route", "did not answer in time",
                "closed the connection", "unavailable", "connection was lost", "not trusted", "not issued for this host",
                "refused the username or password", "does not allow this client", "the broker sent",
                "the broker left", "server's certificate", "does not speak", "does not let"}) {
            if (d.contains(known)) {
                return d.contains("not trusted") ? "its certificate is not trusted"
                        : d.contains("not issued for this host") ? "its certificate is for another name"
                        : detail.replaceAll("\\s*\\(.*$", "").replaceFirst("^the broker", "the server");
            }
        }
        return "the connection failed";
    }

    /** {@code host:port} with the port the transport uses (8883 for mqtts, 443 for wss when none is written). */
    public static String hostAndPort(URI address) {
        int port = address.getPort() != -1 ? address.getPort()
                : "wss".equalsIgnoreCase(address.getScheme()) ? 443 : 8883;
        return address.getHost() + ":" + port;
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
