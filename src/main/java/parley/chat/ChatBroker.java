package parley.chat;

import java.util.Objects;

/**
 * The broker a chat talks through, as the user should see it.
 *
 * @param address the broker's host, with its port when not the default ({@code broker.example},
 *                {@code 127.0.0.2:9883})
 * @param own     whether it is this profile's own broker: only that one gets the profile's login and CA file; any
 *                other (one an invite named) gets no login and is trusted through the system's CA roots alone
 */
public record ChatBroker(String address, boolean own) {
    public ChatBroker {
        Objects.requireNonNull(address, "address");
    }

    /** One phrase for the user: "broker.example (your broker)" or "... (another broker: no login is sent)". */
    public String describe() {
        return address + (own ? " (your broker)" : " (another broker: your login is not sent to it)");
    }
}
