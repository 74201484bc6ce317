package parley.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hand-written ClientHello is well formed: its length fields add up and it names the version asked for. */
class LegacyHelloTest {
    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    @Test
    void theRecordAndHandshakeLengthsAddUp() {
        for (String host : new String[] {"chat.example.org", "127.0.0.1"}) {
            byte[] hello = LegacyHello.clientHello(host, 2);
            assertThat(hello[0]).isEqualTo((byte) 22);
            assertThat(u16(hello, 3)).isEqualTo(hello.length - 5);
            assertThat(hello[5]).isEqualTo((byte) 1);
            assertThat((hello[6] & 0xff) << 16 | u16(hello, 7)).isEqualTo(hello.length - 9);
            assertThat(hello[9]).isEqualTo((byte) 3);
            assertThat(hello[10]).as("TLS 1.1 in the hello").isEqualTo((byte) 2);
            int at = 11 + 32;
            at += 1 + hello[at];                // session id
            at += 2 + u16(hello, at);           // cipher suites
            at += 1 + hello[at];                // compression methods
            assertThat(u16(hello, at)).as("extensions").isEqualTo(hello.length - at - 2);
        }
    }

    @Test
    void aHostNameIsSentAsSniAndAnAddressIsNot() {
        String hello = new String(LegacyHello.clientHello("chat.example.org", 1), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(hello).contains("chat.example.org");
        assertThat(new String(LegacyHello.clientHello("127.0.0.1", 1), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("127.0.0.1");
    }
}
