package parley.transport.wss;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;

/** RFC 6455 framing for the test relay: reads masked client frames, writes unmasked server frames. */
final class WebSocketFrames {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    record Frame(boolean fin, int opcode, byte[] payload) {
    }

    private WebSocketFrames() {
    }

    static Frame read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("client closed the TCP connection");
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if ((second & 0x80) == 0) {
            throw new IOException("client frame not masked (RFC 6455 5.1)");
        }
        if (length > 64L * 1024 * 1024) {
            throw new IOException("client frame too large for the test relay: " + length);
        }
        byte[] mask = new byte[4];
        in.readFully(mask);
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return new Frame((first & 0x80) != 0, first & 0x0f, payload);
    }

    static void write(OutputStream out, boolean fin, int opcode, byte[] payload, int offset, int length)
            throws IOException {
        byte[] header;
        int first = (fin ? 0x80 : 0) | opcode;
        if (length < 126) {
            header = new byte[] {(byte) first, (byte) length};
        } else if (length < 65536) {
            header = new byte[] {(byte) first, 126, (byte) (length >>> 8), (byte) length};
        } else {
            header = new byte[10];
            header[0] = (byte) first;
            header[1] = 127;
            for (int i = 0; i < 8; i++) {
                header[9 - i] = (byte) ((long) length >>> (8 * i));
            }
        }
        out.write(header);
        out.write(payload, offset, length);
        out.flush();
    }
}
