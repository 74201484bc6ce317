package parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.app.ImageProcess.Run;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * The runtime image as users get it ({@code target/parley}, built by {@code jlink/build-image} in {@code package}):
 * it runs with no JDK around, from wherever it is unpacked, trusts the public CA roots, and its modules (Paho, H2,
 * Bouncy Castle (trimmed to Argon2id), ZXing, Parley's websocket module) work against the real broker stack.
 */
@ExtendWith(BrokerStackExtension.class)
class ImageIT {
    private static final Path IMAGE = ImageProcess.IMAGE;
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Duration ONLINE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    @Test
    void runsWithNoJdkInstalled() throws Exception {
        assertThat(IMAGE.resolve("bin/parley")).as("run `mvn package` first").isExecutable();
        Run version = ImageProcess.run(home(), QUICK, "--version");
        assertThat(version.code()).as(version.toString()).isZero();
        // the image's own Java 25: the JDK 17 that may sit in /usr/bin could not even load Parley's classes
        assertThat(version.out()).as(version.toString()).startsWith("Parley 0.1.0 (protocol 1, Java 25");
        assertThat(version.err()).isEmpty();
    }

    @Test
    void runsMovedAndThroughASymlinkWithItsAotCache() throws Exception {
        Path moved = dir.resolve("unpacked here/parley");
        copyTree(IMAGE, moved);
        Path link = dir.resolve("bin/parley");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, moved.resolve("bin/parley"));
        assertThat(moved.resolve("lib/parley.aot")).isNotEmptyFile();

        // AOTMode=on: the JVM refuses to start unless it can use the cache (a relocated image must keep it)
        Run version = ImageProcess.start(link, home(), Map.of("JDK_JAVA_OPTIONS", "-XX:AOTMode=on"), "--version")
                .await(QUICK);
        assertThat(version.code()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("Parley 0.1.0 (protocol 1, Java 25");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() throws Exception {
        Run help = ImageProcess.run(home(), QUICK, "--help");
        assertThat(help.code()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Usage: parley").contains("invite").contains("join").contains("chats")
                .contains("send").contains("listen").contains("Exit codes:");
    }

    @Test
    void theDesktopAppRefusesAnUnknownArgumentWithItsUsage() throws Exception {
        Run gui = ImageProcess.run(home(), QUICK, "gui", "--chats", "Bob");
        assertThat(gui.code()).as(gui.toString()).isEqualTo(2);
        assertThat(gui.err()).contains("unknown argument '--chats'").contains("parley gui [--profile DIR] [--chat NAME]");
        // a second link is refused without being printed: its fragment is an invite's secret
        Run twoLinks = ImageProcess.run(home(), QUICK, "parley:#parley=1&i=first", "parley:#parley=1&i=second");
        assertThat(twoLinks.code()).as(twoLinks.toString()).isEqualTo(2);
        assertThat(twoLinks.err()).contains("unknown argument number 2").doesNotContain("second");
    }

    @Test
    void opensAProfileInTheDefaultPlace() throws Exception {
        Run chats = ImageProcess.run(home(), QUICK, "--name", "Ada", "chats");
        assertThat(chats.code()).as(chats.toString()).isZero();
        // the H2 store, created where the XDG rules put it, owner-only
        Path profile = home().resolve(".local/share/parley");
        try (Stream<Path> files = Files.list(profile)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith(".mv.db"));
        }
        assertThat(Files.getPosixFilePermissions(profile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void locksAndUnlocksAProfileWithItsTrimmedBouncyCastle() throws Exception {
        // the image's Bouncy Castle is cut to what Argon2id reaches (jlink/trim-module): a class missing from it
        // would fail here, at the first key derivation, as it would at a user's unlock
        String profile = dir.resolve("locked").toString();
        Path secret = dir.resolve("passphrase.txt");
        Files.writeString(secret, "correct horse battery staple\n");
        Run lock = ImageProcess.run(home(), QUICK, "--profile", profile, "--name", "Ada", "--broker",
                "mqtts://localhost:8883", "passphrase", "--new-file", secret.toString());
        assertThat(lock.code()).as(lock.toString()).isZero();

        Run unlocked = ImageProcess.run(home(), QUICK, "--profile", profile, "--passphrase-file", secret.toString(),
                "chats");
        assertThat(unlocked.code()).as(unlocked.toString()).isZero();
        assertThat(unlocked.out()).contains("no chats yet");
        assertThat(unlocked.err()).isEmpty();

        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, "correct horse battery stapler\n");
        Run refused = ImageProcess.run(home(), QUICK, "--profile", profile, "--passphrase-file", wrong.toString(),
                "chats");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(5);
        assertThat(refused.err()).contains("wrong passphrase");
    }

    @Test
    void twoProfilesChatThroughTheRealBroker(BrokerStack stack) throws Exception {
        String alice = dir.resolve("alice").toString();
        String bob = dir.resolve("bob").toString();
        String ca = stack.caFile().toString();

        // Alice's profile talks mqtts (Paho's own TLS module); the QR code is ZXing's
        Run invite = ImageProcess.run(home(), ONLINE, "--profile", alice, "--name", "Alice", "--broker",
                stack.mqttsUri().toString(), "--wss", stack.wssUri().toString(), "--ca", ca, "invite", "--no-wait");
        assertThat(invite.code()).as(invite.toString()).isZero();
        String link = invite.out().lines().findFirst().orElseThrow();
        assertThat(link).startsWith("parley:#parley=1&");
        assertThat(invite.out()).contains("█");

        // Alice online to answer; Bob's profile has only wss: Parley's websocket module, found as a Paho service
        ImageProcess listening = ImageProcess.start(IMAGE.resolve("bin/parley"), home(), Map.of(), "--profile", alice,
                "listen", "--count", "1", "--timeout", "120s");
        Run join = ImageProcess.run(home(), ONLINE, "--profile", bob, "--name", "Bob", "--wss",
                stack.wssUri().toString(), "--ca", ca, "join", link, "--timeout", "60s");
        assertThat(join.code()).as(join.toString()).isZero();
        assertThat(join.out()).startsWith("joined: ").contains("Alice");

        // Bob locks his profile (Argon2id from Bouncy Castle), then writes
        Path secret = dir.resolve("bob-passphrase.txt");
        Files.writeString(secret, "correct horse battery staple\n");
        Run lock = ImageProcess.run(home(), ONLINE, "--profile", bob, "passphrase", "--new-file", secret.toString());
        assertThat(lock.code()).as(lock.toString()).isZero();
        Run send = ImageProcess.run(home(), ONLINE, "--profile", bob, "--passphrase-file", secret.toString(), "send",
                "Alice", "hello from the image ✓", "--until", "sent");
        assertThat(send.code()).as(send.toString()).isZero();

        Run heard = listening.await(Duration.ofSeconds(150));
        assertThat(heard.code()).as(heard.toString()).isZero();
        assertThat(heard.out()).contains("\"text\":\"hello from the image ✓\"");
        Run chats = ImageProcess.run(home(), QUICK, "--profile", alice, "chats");
        assertThat(chats.code()).as(chats.toString()).isZero();
        assertThat(chats.out()).contains("Bob");
    }

    @Test
    void trustsThePublicCaRoots() throws Exception {
        // no keytool in the image's users' hands needed: read its trust store as its TLS stack will
        KeyStore cacerts = KeyStore.getInstance(IMAGE.resolve("lib/security/cacerts").toFile(), (char[]) null);
        List<String> subjects = new ArrayList<>();
        for (String alias : Collections.list(cacerts.aliases())) {
            if (cacerts.getCertificate(alias) instanceof X509Certificate cert) {
                subjects.add(cert.getSubjectX500Principal().getName());
            }
        }
        assertThat(subjects).as("trusted roots").hasSizeGreaterThan(80)
                // Let's Encrypt's roots: a broker with a Let's Encrypt certificate must connect
                .contains("CN=ISRG Root X1,O=Internet Security Research Group,C=US")
                .contains("CN=ISRG Root X2,O=Internet Security Research Group,C=US")
                .contains("CN=DigiCert Global Root G2,OU=www.digicert.com,O=DigiCert Inc,C=US");
    }

    @Test
    void shipsADesktopEntryAndIcons() throws Exception {
        Properties entry = new Properties();
        try (var in = Files.newBufferedReader(IMAGE.resolve("share/applications/parley.desktop"),
                StandardCharsets.UTF_8)) {
            entry.load(in);
        }
        assertThat(entry).containsEntry("Type", "Application").containsEntry("Name", "Parley")
                .containsEntry("Exec", "parley %u").containsEntry("MimeType", "x-scheme-handler/parley;").containsEntry("Icon", "parley").containsEntry("Terminal", "false");
        assertThat(Files.readString(IMAGE.resolve("share/icons/hicolor/scalable/apps/parley.svg")))
                .startsWith("<svg").contains("viewBox=\"0 0 256 256\"");
        for (int size : new int[] {32, 48, 64, 128, 256}) {
            var png = ImageIO.read(IMAGE.resolve("share/icons/hicolor/" + size + "x" + size + "/apps/parley.png")
                    .toFile());
            assertThat(png.getWidth()).isEqualTo(size);
            assertThat(png.getHeight()).isEqualTo(size);
            assertThat(png.getColorModel().hasAlpha()).isTrue();
        }
    }

    @Test
    void plainTextFieldsDrawEmojiWithTheFontTheImageShips() throws Exception {
        Path screenshot = Path.of(System.getProperty("parley.buildDir", "target"), "screenshots",
                "image-text-field-emoji.png");
        Files.createDirectories(screenshot.getParent());
        Path testClasses = Path.of(System.getProperty("parley.buildDir", "target"), "test-classes");
        Run image = ImageProcess.start(IMAGE.resolve("bin/java"), home(), Map.of(), "-Djava.awt.headless=true",
                "--patch-module", "parley=" + testClasses, "-m", "parley/" + TextFieldEmojiProbe.class.getName(),
                screenshot.toString()).await(QUICK);
        assertThat(image.code()).as(image.toString()).isZero();
        assertThat(image.out()).as("the message views' emoji font, read from lib/fonts/fallback")
                .contains("emoji-font=Noto Emoji");
        assertThat(differingPixels(image)).as("emoji against missing-glyph boxes in a text field, " + screenshot)
                .isGreaterThan(100);

        // the same probe on the JDK the tests run on, which knows no emoji font: boxes, so the probe can tell
        Run jdk = ImageProcess.start(Path.of(System.getProperty("java.home"), "bin", "java"), home(), Map.of(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                TextFieldEmojiProbe.class.getName()).await(QUICK);
        assertThat(jdk.code()).as(jdk.toString()).isZero();
        assertThat(differingPixels(jdk)).as("the JDK's text field draws emoji as boxes: " + jdk).isZero();
    }

    private static int differingPixels(Run probe) {
        return probe.out().lines().filter(l -> l.startsWith("differing-pixels=")).findFirst()
                .map(l -> Integer.parseInt(l.substring("differing-pixels=".length())))
                .orElseThrow(() -> new AssertionError("the probe printed no count:\n" + probe));
    }

    @Test
    void theTarballHoldsTheImageAndBothSizesArePrinted() throws Exception {
        Path tarball;
        try (Stream<Path> files = Files.list(IMAGE.getParent())) {
            tarball = files.filter(p -> p.getFileName().toString().matches("parley-.+-linux-x64\\.tar\\.gz"))
                    .findFirst().orElseThrow(() -> new AssertionError("no parley-*-linux-x64.tar.gz in "
                            + IMAGE.getParent()));
        }
        Process tar = new ProcessBuilder("tar", "--list", "--verbose", "--gzip", "--file", tarball.toString())
                .redirectErrorStream(true).start();
        List<String> listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(tar.waitFor()).isZero();
        assertThat(listing).anyMatch(line -> line.startsWith("-rwxr-xr-x") && line.endsWith(" parley/bin/parley"))
                .anyMatch(line -> line.startsWith("-rwxr-xr-x") && line.endsWith(" parley/bin/java"))
                .anyMatch(line -> line.endsWith(" parley/lib/parley.aot"))
                .anyMatch(line -> line.endsWith(" parley/share/applications/parley.desktop"));

        long image = treeSize(IMAGE);
        long aot = Files.size(IMAGE.resolve("lib/parley.aot"));
        System.out.printf("runtime image: %.1f MB unpacked (AOT cache %.1f MB), tarball %.1f MB (%s)%n",
                mb(image), mb(aot), mb(Files.size(tarball)), tarball.getFileName());
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static long treeSize(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException, InterruptedException {
        Files.createDirectories(to.getParent());
        // cp -a keeps modes and symlinks, as unpacking the tarball does
        Process cp = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).redirectErrorStream(true).start();
        String output = new String(cp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cp.waitFor()).as(output).isZero();
    }
}
