package parley.transport.wss;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;

/**
 * The byte stream Paho writes MQTT packets to. Paho flushes after every packet, so each flush sends what was
 * written as one binary websocket message and waits until the JDK has sent it: the JDK allows one binary send in
 * flight, and waiting keeps packets in order.
 */
final class BinaryMessageOutputStream extends OutputStream {
    private final WebSocket webSocket;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    BinaryMessageOutputStream(WebSocket webSocket) {
        this.webSocket = webSocket;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        ByteBuffer message = ByteBuffer.wrap(pending.toByteArray());
        pending.reset();
        try {
            webSocket.sendBinary(message, true).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending a websocket message");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io
                    : new IOException("sending a websocket message failed: " + cause, cause);
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
