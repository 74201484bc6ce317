package parley.transport;

/** A publish or retire that did not reach the broker; the message says why in words a user understands. */
public class TransportException extends Exception {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
