package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CryptoJsAes} against {@code openssl enc -aes-256-cbc -md md5 -a -A}, the format's origin. */
class OpensslInteropIT {
    @TempDir
    Path dir;

    @Test
    void opensslDecryptsWhatJavaEncrypts() throws Exception {
        String pass = ChatKey.random().passphrase();
        for (String text : CryptoJsInteropIT.TEXTS) {
            String ct = CryptoJsAes.encrypt(text, pass);
            byte[] plain = openssl((ct + "\n").getBytes(StandardCharsets.US_ASCII),
                    "enc", "-d", "-aes-256-cbc", "-md", "md5", "-a", "-A", "-pass", "pass:" + pass);
            assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }

    @Test
    void javaDecryptsWhatOpensslEncrypts() throws Exception {
        String pass = ChatKey.random().passphrase();
        for (String text : CryptoJsInteropIT.TEXTS) {
            String ct = new String(openssl(text.getBytes(StandardCharsets.UTF_8),
                    "enc", "-aes-256-cbc", "-md", "md5", "-a", "-A", "-pass", "pass:" + pass),
                    StandardCharsets.US_ASCII).strip();
            assertThat(ct).startsWith("U2FsdGVkX1");
            assertThat(CryptoJsAes.decrypt(ct, pass)).isEqualTo(text);
        }
    }

    @Test
    void aNonAsciiPassphraseIsUsedAsUtf8BothWays() throws Exception {
        String pass = "pässwörd ✓ 🔑 日本語";
        Path passFile = dir.resolve("pass");
        Files.writeString(passFile, pass + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passFile, PosixFilePermissions.fromString("rw-------"));
        String text = "Grüße 👋🏽";
        String fromOpenssl = new String(openssl(text.getBytes(StandardCharsets.UTF_8),
                "enc", "-aes-256-cbc", "-md", "md5", "-a", "-A", "-pass", "file:" + passFile),
                StandardCharsets.US_ASCII).strip();
        assertThat(CryptoJsAes.decrypt(fromOpenssl, pass)).isEqualTo(text);
        byte[] back = openssl((CryptoJsAes.encrypt(text, pass) + "\n").getBytes(StandardCharsets.US_ASCII),
                "enc", "-d", "-aes-256-cbc", "-md", "md5", "-a", "-A", "-pass", "file:" + passFile);
        assertThat(new String(back, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void withTheSameSaltTheCipherTextIsByteIdentical() throws Exception {
        String pass = ChatKey.random().passphrase();
        byte[] salt = Csprng.bytes(8);
        String text = "the quick brown fox jumps over the lazy dog";
        // with -S, OpenSSL 3 writes the bare cipher text without the "Salted__" header
        String body = new String(openssl(text.getBytes(StandardCharsets.UTF_8), "enc", "-aes-256-cbc", "-md", "md5",
                "-a", "-A", "-pass", "pass:" + pass, "-S", HexFormat.of().formatHex(salt)),
                StandardCharsets.US_ASCII).strip();
        byte[] ours = Base64.getDecoder().decode(CryptoJsAes.encrypt(text, pass, salt));
        byte[] ourBody = Arrays.copyOfRange(ours, 16, ours.length);
        assertThat(Base64.getEncoder().encodeToString(ourBody)).isEqualTo(body);
    }

    private static byte[] openssl(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start `openssl` from PATH (Debian package openssl)", e);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        assertThat(exit).as("openssl %s exit code", String.join(" ", args).replaceAll("pass:\\S+", "pass:***"))
                .isZero();
        return out;
    }
}
