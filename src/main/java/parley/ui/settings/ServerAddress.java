package parley.ui.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import javax.swing.JTextField;
import parley.invite.ShortForms;
import parley.ui.kit.DocumentEdits;

/**
 * The server as a person types it ({@code chat.example.org}, {@code chat.example.org:18883} or an
 * {@code mqtts://} URL) and the addresses that follow from it; errors are sentences that say what to type.
 */
final class ServerAddress {
    private static final int DEFAULT_MQTTS_PORT = 8883;
    private static final String EXAMPLE = "for example chat.example.org";

    private ServerAddress() {}

    /** The broker's {@code mqtts://host[:port]} URL for what the user typed. */
    static URI mqtts(String typed) {
        String t = typed.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Give your server's name, " + EXAMPLE + ".");
        }
        if (t.contains("://") && !t.regionMatches(true, 0, "mqtts://", 0, 8)) {
            throw new IllegalArgumentException("Give the server by its name (" + EXAMPLE.substring(12)
                    + ") or as an mqtts:// address, not " + t.substring(0, t.indexOf("://") + 3) + ".");
        }
        String url = t.contains("://") ? t : "mqtts://" + t;
        URI u;
        try {
            u = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + t + "\" is not a server name. Give it " + EXAMPLE + ".");
        }
        if (u.getHost() == null || u.getRawUserInfo() != null || !u.getRawPath().isEmpty() || u.getRawQuery() != null
                || u.getRawFragment() != null) {
            throw new IllegalArgumentException("\"" + t + "\" is not a server name. Give it " + EXAMPLE + ".");
        }
        if (u.getPort() == 0 || u.getPort() > 65535) {
            throw new IllegalArgumentException("The port must be a number from 1 to 65535.");
        }
        return u;
    }

    /** The web client's {@code https://} address, empty when the field is empty (no web client). */
    static Optional<URI> web(String typed) {
        String t = typed.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(t);
            if ("https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && u.getRawFragment() == null
                    && u.getRawUserInfo() == null) {
                return Optional.of(u.getRawPath().isEmpty() ? URI.create(t + "/") : u);
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new IllegalArgumentException("The web client address must start with https://, for example "
                + "https://chat.example.org/. Leave it empty if your server has no web client.");
    }

    /** Where browsers reach the broker: on the web client's own origin (docs/protocol.md section 4, short links). */
    static Optional<URI> impliedWss(URI web) {
        return ShortForms.impliedWss(web);
    }

    /** The server as the form shows it: the name, with the port only when it is not the default. */
    static String shown(URI mqtts) {
        return mqtts.getPort() == -1 || mqtts.getPort() == DEFAULT_MQTTS_PORT
                ? mqtts.getHost() : mqtts.getHost() + ":" + mqtts.getPort();
    }

    /**
     * Keeps the web client field at {@code https://<server name>/} while the user types the server, until the user
     * writes the web field themselves.
     */
    static final class WebDefault {
        private boolean edited;
        private boolean updating;

        WebDefault(JTextField server, JTextField web) {
            DocumentEdits.onAnyEdit(server.getDocument(), () -> {
                if (!edited) {
                    updating = true;
                    try {
                        web.setText(defaultWeb(server.getText()));
                    } finally {
                        updating = false;
                    }
                }
            });
            DocumentEdits.onAnyEdit(web.getDocument(), () -> {
                if (!updating) {
                    edited = true;
                }
            });
        }

        void edited(boolean yes) {
            edited = yes;
        }

        private static String defaultWeb(String typed) {
            try {
                return "https://" + mqtts(typed).getHost() + "/";
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
    }
}
