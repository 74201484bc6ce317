package parley.transport.wss;

import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * Feeds the binary messages of a websocket into {@link ReceivedBytes}. The JDK has already answered PINGs with
 * PONGs and ignores nothing else, so control messages only renew the demand they used up. MQTT over websockets
 * is binary only (MQTT 3.1.1 section 6): a text message is a broker fault and ends the connection.
 */
final class ReceiveListener implements WebSocket.Listener {
    /** RFC 6455 7.4.1: the endpoint received a type of data it cannot accept. */
    static final int UNSUPPORTED_DATA = 1003;

    private final ReceivedBytes received;
    private volatile WebSocket webSocket;

    ReceiveListener(int highWater) {
        this.received = new ReceivedBytes(highWater, this::requestOne);
    }

    ReceivedBytes received() {
        return received;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.webSocket = webSocket;
        received.start();
    }

    // Only ever called after onOpen: the stream asks for data once started.
    private void requestOne() {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        received.offer(data);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        received.fail(new IOException("broker sent a websocket text message; MQTT uses binary messages only"));
        webSocket.sendClose(UNSUPPORTED_DATA, "binary messages only");
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        received.renewRequest();
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        received.renewRequest();
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        received.end();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        received.fail(error);
    }
}
