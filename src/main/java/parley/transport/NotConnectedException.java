package parley.transport;

/** Publishing needs a live connection; the caller keeps the message and sends it after the next connect. */
public final class NotConnectedException extends TransportException {
    public NotConnectedException(String message) {
        super(message);
    }
}
