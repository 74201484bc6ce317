package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.app.DesktopLauncher;
import parley.invite.qr.QrCodes;
import parley.invite.qr.QrDecoder;
import parley.invite.qr.QrScan;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.ui.profile.BrokerSettings;
import parley.ui.profile.DesktopProfile;

/**
 * The desktop app on a HiDPI screen ({@code sun.java2d.uiScale}, in a JVM of its own: {@link ScaledInviteChild}):
 * the invite's QR code, read off the real (virtual) screen by Parley's scanner, holds the dialog's link and is
 * drawn at a whole number of device pixels per module, every pixel exactly black or white as the code says; the
 * main window and the invite fit the screen (1920x1080 at 200% is 960x540 logical) with no text cut. The screen
 * is saved to {@code target/screenshots/scaled-invite-x<scale>.png}. Only whole scales: the JDK on X11 rounds a
 * fractional {@code uiScale} (1.5 runs at 1).
 */
@ExtendWith(BrokerStackExtension.class)
class ScaledInviteIT {
    private static final long WAIT_SECONDS = 60;
    /** The dialog is up when the child reports: what is left is a paint. */
    private static final long DECODE_SECONDS = 15;
    private static final String END = "\u0000end";

    @BeforeAll
    static void needsADisplay() {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("the GUI tests need a display: run them under xvfb-run -a (scripts/test does)");
        }
    }

    @ParameterizedTest(name = "uiScale {0}")
    @ValueSource(strings = {"2"})
    void theInviteQrCodeIsCrispAndNoTextIsCut(String scale, BrokerStack stack, @TempDir Path dir) throws Exception {
        Path profile = dir.resolve("alice");
        configure(profile, stack);
        Path childErr = dir.resolve("child.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.java2d.uiScale=" + scale, "-cp", System.getProperty("java.class.path"),
                ScaledInviteChild.class.getName(), profile.toString())
                .redirectError(childErr.toFile()).start();
        try {
            Map<String, String> report = readReport(child, childErr);
            double s = Double.parseDouble(report.get("scale"));
            assertThat(s).as("the app's scale").isEqualTo(Double.parseDouble(scale));
            assertThat(report.get("clipped")).as("text off the screen or cut, at scale " + scale).isEmpty();

            Rectangle qrDevice = device(report.get("qr"), s);
            BufferedImage screen = awaitDecodable(qrDevice, report.get("link-sha256"));
            Path shot = SwingExtension.screenshots().resolve("scaled-invite-x" + scale + ".png");
            Files.createDirectories(shot.getParent());
            ImageIO.write(screen, "png", shot.toFile());

            Rectangle screenDevice = new Rectangle(0, 0, screen.getWidth(), screen.getHeight());
            assertThat(screenDevice.contains(device(report.get("window"), s))).as("the main window fits the screen, " + shot).isTrue();
            assertThat(screenDevice.contains(device(report.get("dialog"), s))).as("the invite fits the screen, " + shot).isTrue();
            String text = decode(screen.getSubimage(qrDevice.x, qrDevice.y, qrDevice.width, qrDevice.height)).orElseThrow();
            int ppm = assertCrisp(screen.getSubimage(qrDevice.x, qrDevice.y, qrDevice.width, qrDevice.height),
                    QrCodes.encode(text), shot);
            assertThat(ppm).as("device pixels per module (scanners want 4 or more), " + shot).isGreaterThanOrEqualTo(4);
        } finally {
            child.outputWriter().append("quit\n").flush();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).as("the app's JVM ended cleanly:\n" + Files.readString(childErr)).isZero();
    }

    /** Sets the profile up as the first run would (broker, name), with the desktop's own profile wiring. */
    private static void configure(Path profile, BrokerStack stack) {
        DesktopProfile p = DesktopLauncher.profileAt(profile);
        p.open(Optional.empty());
        try {
            p.start(new BrokerSettings("Alice", stack.mqttsUri(), Optional.of(stack.wssUri()),
                    Optional.of(stack.httpsUri()), Optional.of(stack.caFile()), Optional.empty(), Optional.empty()));
        } finally {
            p.close();
        }
    }

    /** The child's {@code key=value} lines up to {@link ScaledInviteChild#READY}. */
    private static Map<String, String> readReport(Process child, Path childErr) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("scaled-child-out").start(() -> {
            try (var out = child.inputReader(StandardCharsets.UTF_8)) {
                out.lines().forEach(lines::add);
            } catch (IOException e) {
                // the child went away: END below says so
            }
            lines.add(END);
        });
        Map<String, String> report = new HashMap<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            String line = lines.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new AssertionError("the scaled app did not report " + (line == null ? "within " + WAIT_SECONDS
                        + " s" : "before it ended") + "; its errors:\n" + Files.readString(childErr));
            }
            if (line.equals(ScaledInviteChild.READY)) {
                return report;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                report.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    /** A rectangle the child gave in its logical pixels, in device pixels. */
    private static Rectangle device(String logical, double scale) {
        String[] p = logical.split(",");
        int x = (int) Math.round(Integer.parseInt(p[0]) * scale);
        int y = (int) Math.round(Integer.parseInt(p[1]) * scale);
        return new Rectangle(x, y, (int) Math.round(Integer.parseInt(p[2]) * scale),
                (int) Math.round(Integer.parseInt(p[3]) * scale));
    }

    /** Captures the screen until the QR code in {@code qr} decodes to the child's invite link. */
    private static BufferedImage awaitDecodable(Rectangle qr, String linkSha256) throws Exception {
        java.awt.Robot robot = new java.awt.Robot();
        Rectangle bounds = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DECODE_SECONDS);
        BufferedImage screen;
        do {
            screen = largest(robot.createMultiResolutionScreenCapture(bounds));
            Optional<String> text = decode(screen.getSubimage(qr.x, qr.y, qr.width, qr.height));
            if (text.isPresent()) {
                assertThat(sha256(text.get())).as("the QR code holds the dialog's invite link").isEqualTo(linkSha256);
                return screen;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        Path shot = SwingExtension.screenshots().resolve("scaled-invite-unreadable.png");
        Files.createDirectories(shot.getParent());
        ImageIO.write(screen, "png", shot.toFile());
        throw new AssertionError("no QR code readable on the screen at " + qr + " within " + DECODE_SECONDS + " s, " + shot);
    }

    /** The capture at the screen's full (device) resolution. */
    private static BufferedImage largest(java.awt.image.MultiResolutionImage multi) {
        List<java.awt.Image> variants = multi.getResolutionVariants();
        java.awt.Image image = variants.getLast();
        BufferedImage copy = new BufferedImage(image.getWidth(null), image.getHeight(null), BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(image, 0, 0, null);
        return copy;
    }

    /** The code as Parley's own scanner reads it (the screen scan of the join dialog). */
    private static Optional<String> decode(BufferedImage image) {
        return QrDecoder.decode(image) instanceof QrScan.Found found ? Optional.of(found.texts().getFirst())
                : Optional.empty();
    }

    /**
     * Checks that the code on the screen is {@code code} drawn at a whole number of device pixels per module, on the
     * pixel grid: every pixel of every module, quiet zone included, exactly black or white as the module is.
     * Returns the pixels per module.
     */
    private static int assertCrisp(BufferedImage view, BitMatrix code, Path shot) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < view.getHeight(); y++) {
            for (int x = 0; x < view.getWidth(); x++) {
                if ((view.getRGB(x, y) & 0xffffff) == 0) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        int quiet = QrCodes.QUIET_ZONE_MODULES;
        int symbol = code.getWidth() - 2 * quiet;
        int width = maxX - minX + 1;
        int height = maxY - minY + 1;
        assertThat(width).as("the symbol's width on the screen is whole modules, " + shot).isEqualTo(height);
        assertThat(width % symbol).as(width + " device px for " + symbol + " modules, " + shot).isZero();
        int ppm = width / symbol;
        assertThat(minX >= quiet * ppm && minY >= quiet * ppm && view.getWidth() - 1 - maxX >= quiet * ppm
                && view.getHeight() - 1 - maxY >= quiet * ppm).as("room for the quiet zone in the view, " + shot).isTrue();
        for (int r = -quiet; r < symbol + quiet; r++) {
            for (int c = -quiet; c < symbol + quiet; c++) {
                int expected = code.get(c + quiet, r + quiet) ? 0x000000 : 0xffffff;
                for (int dy = 0; dy < ppm; dy++) {
                    for (int dx = 0; dx < ppm; dx++) {
                        int rgb = view.getRGB(minX + c * ppm + dx, minY + r * ppm + dy) & 0xffffff;
                        if (rgb != expected) {
                            throw new AssertionError(String.format("module (%d,%d) pixel (%d,%d) is #%06x, not #%06x: "
                                    + "smeared or off the grid, %s", r, c, dx, dy, rgb, expected, shot));
                        }
                    }
                }
            }
        }
        return ppm;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
