package parley.transport.guard;

import java.io.IOException;

/**
 * The broker sent bytes that no honest MQTT broker for Parley sends (a packet announced larger than
 * {@link PacketGuard#MAX_PACKET_BYTES}, a malformed length, a packet left unfinished past its deadline): the
 * connection is closed. {@link #getMessage()} says what happened in words for the user.
 */
public final class PacketRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    PacketRefusedException(String message) {
        super(message);
    }
}
