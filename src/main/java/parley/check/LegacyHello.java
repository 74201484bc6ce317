package parley.check;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Asks a server whether it would speak TLS 1.0 or 1.1. The JDK refuses to offer those versions itself
 * ({@code jdk.tls.disabledAlgorithms}), so this writes the ClientHello of such a client (RFC 2246/4346: the
 * version in the hello, no supported_versions extension, the CBC suites those clients had) and reads only the
 * server's first record: a ServerHello for that version means it would go on; an alert or a closed connection
 * means it refuses. Nothing further is negotiated.
 */
final class LegacyHello {
    /** What the server answered. */
    enum Answer { ACCEPTED, REFUSED }

    /** The answer and what it was seen as, e.g. "alert 70 (protocol_version)". */
    record Reply(Answer answer, String seen) {
    }

    // ECDHE-ECDSA/RSA with AES-CBC-SHA, DHE-RSA-AES-SHA, RSA AES-SHA and 3DES: what TLS 1.0/1.1 clients offered
    private static final int[] SUITES = {0xc009, 0xc00a, 0xc013, 0xc014, 0x0033, 0x0039, 0x002f, 0x0035, 0x000a};
    private static final int HANDSHAKE = 22;
    private static final int ALERT = 21;

    private LegacyHello() {
    }

    /** Offers {@code minor} (1 = TLS 1.0, 2 = TLS 1.1) to {@code endpoint}. */
    static Reply offer(Endpoint endpoint, int minor, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(clientHello(endpoint.host(), minor));
            socket.getOutputStream().flush();
            var in = new DataInputStream(socket.getInputStream());
            try {
                int type = in.readUnsignedByte();
                in.readUnsignedShort(); // the record's version
                int length = in.readUnsignedShort();
                if (type == ALERT && length >= 2) {
                    in.readUnsignedByte();
                    int description = in.readUnsignedByte();
                    return new Reply(Answer.REFUSED, "alert " + description + alertName(description));
                }
                if (type == HANDSHAKE && length >= 6) {
                    int message = in.readUnsignedByte();
                    in.skipNBytes(3);
                    int major = in.readUnsignedByte();
                    int chosen = in.readUnsignedByte();
                    if (message == 2 && major == 3 && chosen == minor) {
                        return new Reply(Answer.ACCEPTED, "a ServerHello for it");
                    }
                    return new Reply(Answer.REFUSED, "a handshake message for version " + major + "." + chosen);
                }
                return new Reply(Answer.REFUSED, "a record of type " + type);
            } catch (EOFException e) {
                return new Reply(Answer.REFUSED, "the connection closed");
            } catch (SocketTimeoutException e) {
                throw new IOException("no answer within " + timeout.toSeconds() + " s", e);
            } catch (IOException e) {
                // a reset is a refusal too: the server dropped the hello
                return new Reply(Answer.REFUSED, "the connection was reset (" + e.getMessage() + ")");
            }
        }
    }

    static byte[] clientHello(String host, int minor) {
        var body = new ByteArrayOutputStream();
        body.write(3);
        body.write(minor);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        short16(body, SUITES.length * 2);
        for (int suite : SUITES) short16(body, suite);
        body.write(1);
        body.write(0); // null compression only
        var extensions = new ByteArrayOutputStream();
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            short16(extensions, 0x0000);
            short16(extensions, name.length + 5);
            short16(extensions, name.length + 3);
            extensions.write(0);
            short16(extensions, name.length);
            extensions.writeBytes(name);
        }
        extension(extensions, 0x000a, new byte[] {0, 6, 0, 0x17, 0, 0x18, 0, 0x1d}); // P-256, P-384, X25519
        extension(extensions, 0x000b, new byte[] {1, 0});                            // uncompressed points
        extension(extensions, 0xff01, new byte[] {0});                               // renegotiation_info
        short16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());

        var record = new ByteArrayOutputStream();
        record.write(HANDSHAKE);
        record.write(3);
        record.write(1); // TLS 1.0 on the record layer, as those clients sent
        short16(record, body.size() + 4);
        record.write(1); // client_hello
        record.write(0);
        short16(record, body.size());
        record.writeBytes(body.toByteArray());
        return record.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        short16(out, type);
        short16(out, data.length);
        out.writeBytes(data);
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xff);
    }

    private static String alertName(int description) {
        return switch (description) {
            case 40 -> " (handshake_failure)";
            case 70 -> " (protocol_version)";
            case 71 -> " (insufficient_security)";
            case 80 -> " (internal_error)";
            default -> "";
        };
    }
}
