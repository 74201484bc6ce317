package parley.transport.wss;

import java.net.URI;

/** The checks a broker websocket address must pass, shared by the public mapping and the Paho factory. */
final class WssAddress {
    private WssAddress() {
    }

    static void check(URI address) {
        if (address.getHost() == null || address.getHost().isEmpty()) {
            throw new IllegalArgumentException("broker address has no host: " + address);
        }
        if (address.getRawUserInfo() != null) {
            throw new IllegalArgumentException("broker address must not hold user info (user:password@)");
        }
        if (address.getRawFragment() != null) {
            throw new IllegalArgumentException("broker address must not have a #fragment: " + address);
        }
    }

    /** The {@code wss://} address behind a {@code parley-wss://} URI. */
    static URI websocketAddress(URI brokerUri) {
        String text = brokerUri.toString();
        return URI.create("wss" + text.substring(text.indexOf(':')));
    }
}
