package parley.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingCaFileIsNamed() {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> TlsContexts.context(Optional.of(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aFolderIsNotACaFile() {
        assertThatThrownBy(() -> TlsContexts.context(Optional.of(dir)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void aFileWithoutPemCertificatesIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n");
        assertThatThrownBy(() -> TlsContexts.context(Optional.of(file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a PEM certificate file");
    }

    @Test
    void aBrokenPemCertificateIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("ca.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TlsContexts.context(Optional.of(file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed certificate");
    }

    @Test
    void withoutCaFileTheSystemRootsAreTrusted() {
        assertThat(TlsContexts.context(Optional.empty()).getProtocol()).isEqualTo("TLS");
    }
}
