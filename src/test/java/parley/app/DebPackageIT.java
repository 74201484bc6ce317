package parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.app.ImageProcess.Run;
import parley.invite.InviteFixtures;
import parley.invite.InviteLink;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * The Debian package the build makes (jlink/build-deb) installed on this machine as a user would install it
 * ({@code dpkg -i}; CI runs as root): {@code parley} on the PATH runs from the installed files, the desktop entry
 * is valid and is the desktop's handler of {@code parley:} links, opening such a link (xdg-open, as a browser does)
 * starts the installed app with its join dialog, and {@code dpkg -r} leaves none of its files behind.
 */
@ExtendWith(BrokerStackExtension.class)
class DebPackageIT {
    private static final Duration QUICK = Duration.ofSeconds(60);
    private static final Duration WINDOW_WAIT = Duration.ofSeconds(40);
    private static final Path DESKTOP_ENTRY = Path.of("/usr/share/applications/parley.desktop");

    @TempDir
    Path dir;

    @Test
    void installsRunsOpensParleyLinksAndUninstallsCleanly(BrokerStack stack) throws Exception {
        long started = System.nanoTime();
        requirePrerequisites();
        Path deb = builtPackage();
        List<Path> shipped = packagedFiles(deb);
        assertThat(shipped).contains(Path.of("/usr/bin/parley"), Path.of("/usr/lib/parley/bin/java"),
                Path.of("/usr/lib/parley/lib/parley.aot"), DESKTOP_ENTRY,
                Path.of("/usr/share/icons/hicolor/scalable/apps/parley.svg"),
                Path.of("/usr/share/icons/hicolor/256x256/apps/parley.png"));
        for (Path file : shipped) {
            assertThat(Files.exists(file, LinkOption.NOFOLLOW_LINKS)).as(file + " exists before the install").isFalse();
        }

        Run install = command(QUICK, "dpkg", "-i", deb.toString());
        assertThat(install.code()).as("dpkg -i " + deb + "\n" + install).isZero();
        try {
            Path home = dir.resolve("home");
            Run version = ImageProcess.start(Path.of("/bin/sh"), home, Map.of(), "-c", "parley --version").await(QUICK);
            assertThat(version.code()).as(version.toString()).isZero();
            assertThat(version.out()).as("parley --version from the PATH").startsWith("Parley ");
            assertThat(Files.readSymbolicLink(Path.of("/usr/bin/parley")).toString()).isEqualTo("../lib/parley/bin/parley");

            Run valid = command(QUICK, "desktop-file-validate", DESKTOP_ENTRY.toString());
            assertThat(valid.code()).as(valid.toString()).isZero();
            assertThat(valid.out() + valid.err()).as("desktop-file-validate's complaints").isBlank();
            assertThat(Files.readString(DESKTOP_ENTRY)).contains("\nExec=parley %u\n")
                    .contains("\nMimeType=x-scheme-handler/parley;\n");
            Run handler = ImageProcess.start(Path.of("/usr/bin/xdg-mime"), home, Map.of("XDG_DATA_DIRS", "/usr/share"),
                    "query", "default", "x-scheme-handler/parley").await(QUICK);
            assertThat(handler.out().strip()).as("the desktop's handler of parley: links\n" + handler)
                    .isEqualTo("parley.desktop");

            // the installed app, configured on its default profile, then started by a parley: link as a browser would
            Run configured = ImageProcess.start(Path.of("/usr/bin/parley"), home, Map.of(), "--name", "Ada",
                    "--broker", stack.mqttsUri().toString(), "--wss", stack.wssUri().toString(),
                    "--ca", stack.caFile().toString(), "chats").await(QUICK);
            assertThat(configured.code()).as(configured.toString()).isZero();
            String link = InviteLink.format(InviteFixtures.invite(), Optional.empty());
            assertThat(link).startsWith("parley:#parley=1&");
            Map<String, String> env = new HashMap<>(display());
            env.put("XDG_DATA_DIRS", "/usr/share");
            ImageProcess opened = ImageProcess.start(Path.of("/usr/bin/xdg-open"), home, env, link);
            try {
                String windows = awaitWindow("Join an invite", opened);
                assertThat(windows).as("the main window behind the join dialog").contains("\"Parley");
            } finally {
                Run stopped = opened.stopWithChildren(Duration.ofSeconds(10));
                assertThat(stopped.err()).as(stopped.toString()).doesNotContain("Exception").doesNotContain("SEVERE")
                        .doesNotContain("parley=1&i="); // the link holds the invite's secret: never printed
            }
        } finally {
            Run remove = command(QUICK, "dpkg", "-r", "parley");
            assertThat(remove.code()).as("dpkg -r parley\n" + remove).isZero();
        }
        List<Path> left = new ArrayList<>();
        for (Path file : shipped) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) left.add(file);
        }
        assertThat(left).as("files of the package left after dpkg -r").isEmpty();
        assertThat(Path.of("/usr/lib/parley")).doesNotExist();
        Run status = command(QUICK, "dpkg-query", "-W", "-f=${db:Status-Status}", "parley");
        assertThat(status.out()).as("dpkg's state of parley after dpkg -r (no conffiles to keep)\n" + status)
                .isIn("", "not-installed");

        long image = treeSize(ImageProcess.IMAGE);
        System.out.printf("debian package: %.1f MB (%s), installs %.1f MB; image %.1f MB unpacked; test took %d s%n",
                mb(Files.size(deb)), deb.getFileName(), mb(installedSize(deb)), mb(image),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    /** Fails loudly, naming what to install, instead of skipping. */
    private static void requirePrerequisites() throws Exception {
        Run id = command(QUICK, "id", "-u");
        if (!id.out().strip().equals("0")) {
            throw new IllegalStateException("DebPackageIT installs a .deb with dpkg -i: run it as root (CI does)");
        }
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of("/usr/bin/desktop-file-validate"))) missing.add("desktop-file-utils");
        if (!Files.isExecutable(Path.of("/usr/bin/xdg-mime"))) missing.add("xdg-utils");
        if (!Files.isExecutable(Path.of("/usr/bin/xwininfo"))) missing.add("x11-utils");
        if (!missing.isEmpty()) {
            throw new IllegalStateException("DebPackageIT needs the Debian packages " + missing + " (.ci/run installs them)");
        }
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("DebPackageIT starts the installed app: run it under xvfb-run -a");
        }
        Run installed = command(QUICK, "dpkg-query", "-W", "-f=${db:Status-Status}", "parley");
        if (installed.out().strip().equals("installed")) {
            throw new IllegalStateException("the package parley is installed on this machine already; this test would"
                    + " replace and remove it: dpkg -r parley first");
        }
    }

    private static Path builtPackage() throws IOException {
        try (Stream<Path> files = Files.list(ImageProcess.IMAGE.getParent())) {
            return files.filter(p -> p.getFileName().toString().matches("parley_.+_amd64\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no parley_*_amd64.deb in " + ImageProcess.IMAGE.getParent()
                            + " (mvn package builds it with jlink/build-deb)"));
        }
    }

    /** The files and links (not directories) the package puts down, as absolute paths. */
    private static List<Path> packagedFiles(Path deb) throws Exception {
        Run listing = command(QUICK, "dpkg-deb", "--contents", deb.toString());
        assertThat(listing.code()).as(listing.toString()).isZero();
        return listing.out().lines().filter(line -> !line.startsWith("d"))
                .map(line -> line.replaceFirst("^.*? \\./", "/").replaceFirst(" -> .*$", ""))
                .map(Path::of).toList();
    }

    private static long installedSize(Path deb) throws Exception {
        Run field = command(QUICK, "dpkg-deb", "--field", deb.toString(), "Installed-Size");
        return Long.parseLong(field.out().strip()) * 1024;
    }

    /** Polls the X server's window tree until a window titled {@code title} is mapped; returns the tree. */
    private static String awaitWindow(String title, ImageProcess opener) throws Exception {
        long deadline = System.nanoTime() + WINDOW_WAIT.toNanos();
        String tree = "";
        while (System.nanoTime() < deadline) {
            tree = command(QUICK, "xwininfo", "-root", "-tree").out();
            if (tree.contains("\"" + title + "\"")) return tree;
            if (!opener.alive()) {
                throw new AssertionError("xdg-open ended before a window titled '" + title + "' showed:\n"
                        + opener.stop(Duration.ZERO));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no window titled '" + title + "' within " + WINDOW_WAIT + "; windows:\n" + tree
                + "\n" + opener.stopWithChildren(Duration.ZERO));
    }

    private static Map<String, String> display() {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", System.getenv("DISPLAY"));
        if (System.getenv("XAUTHORITY") != null) env.put("XAUTHORITY", System.getenv("XAUTHORITY"));
        return env;
    }

    private static Run command(Duration timeout, String... args) throws Exception {
        Path out = Files.createTempFile("deb-it-", ".out");
        Path err = Files.createTempFile("deb-it-", ".err");
        try {
            Process p = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", args) + " did not finish within " + timeout);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static long treeSize(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
