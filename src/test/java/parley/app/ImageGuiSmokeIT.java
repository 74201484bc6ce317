package parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.MultiResolutionImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.app.ImageProcess.Run;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * The runtime image's desktop app on the test's (virtual) display: {@code bin/parley gui} on a profile set up with
 * the image's own command line opens its window on the real screen, which is captured to
 * {@code target/screenshots/image-gui-smoke.png}.
 */
@ExtendWith(BrokerStackExtension.class)
class ImageGuiSmokeIT {
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Duration WINDOW_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsADisplay() {
        if (System.getenv("DISPLAY") == null || GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("the image GUI smoke test needs a display: run it under xvfb-run -a");
        }
    }

    @Test
    void theDesktopAppShowsItsWindowOnTheScreen(BrokerStack stack) throws Exception {
        Path home = dir.resolve("home");
        String profile = dir.resolve("smoke").toString();
        Run configured = ImageProcess.run(home, QUICK, "--profile", profile, "--name", "Ada", "--broker",
                stack.mqttsUri().toString(), "--wss", stack.wssUri().toString(), "--ca", stack.caFile().toString(),
                "chats");
        assertThat(configured.code()).as(configured.toString()).isZero();

        Robot robot = new Robot();
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        BufferedImage before = capture(robot, screen);
        assertThat(distinctColours(before)).as("the screen before the app starts (another window left open?)")
                .isLessThan(4);

        ImageProcess app = ImageProcess.start(ImageProcess.IMAGE.resolve("bin/parley"), home, display(), "gui",
                "--profile", profile);
        BufferedImage shot;
        try {
            shot = awaitWindow(robot, screen, app);
            // the window is up; give the profile a moment to open so the shot shows the app ready
            Thread.sleep(1500);
            assertThat(app.alive()).as("the app still runs: " + app).isTrue();
            shot = capture(robot, screen);
        } finally {
            Run stopped = app.stop(Duration.ofSeconds(10));
            assertThat(stopped.err()).as(stopped.toString()).doesNotContain("Exception").doesNotContain("SEVERE");
        }
        Path file = Path.of(System.getProperty("parley.buildDir", "target"), "screenshots", "image-gui-smoke.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(shot, "png", file.toFile());

        // a window, not a blank screen: anti-aliased text and FlatLaf's colours, over a window-sized region
        assertThat(distinctColours(shot)).as("distinct colours in " + file).isGreaterThan(50);
        Rectangle window = differsFrom(shot, before.getRGB(0, 0));
        assertThat(window.width).as("width of what differs from the empty screen, " + file).isGreaterThan(400);
        assertThat(window.height).as("height of what differs from the empty screen, " + file).isGreaterThan(300);
    }

    @Test
    void reportsItsFirstPaint() throws Exception {
        Map<String, String> env = new HashMap<>(display());
        env.put("JDK_JAVA_OPTIONS", "-Dparley.exitAfterFirstPaint=true");
        Run run = ImageProcess.start(ImageProcess.IMAGE.resolve("bin/parley"), dir.resolve("home"), env, "gui",
                "--profile", dir.resolve("first-paint").toString()).await(QUICK);
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).containsPattern("(?m)^first-paint-ms=\\d+$");
    }

    /** The test's display for the app: the cleared environment ImageProcess gives it has none. */
    private static Map<String, String> display() {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", System.getenv("DISPLAY"));
        // xvfb-run starts the server with an authority file; the client needs it to connect
        if (System.getenv("XAUTHORITY") != null) {
            env.put("XAUTHORITY", System.getenv("XAUTHORITY"));
        }
        return env;
    }

    private static BufferedImage awaitWindow(Robot robot, Rectangle screen, ImageProcess app) throws Exception {
        long deadline = System.nanoTime() + WINDOW_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.alive()) {
                throw new AssertionError("the app ended before showing a window:\n" + app.stop(Duration.ZERO));
            }
            BufferedImage shot = capture(robot, screen);
            if (distinctColours(shot) > 50) {
                return shot;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no window on the screen within " + WINDOW_WAIT + ":\n" + app.stop(Duration.ZERO));
    }

    /** The screen at its full resolution: the largest variant of the multi-resolution capture. */
    private static BufferedImage capture(Robot robot, Rectangle screen) {
        MultiResolutionImage multi = robot.createMultiResolutionScreenCapture(screen);
        List<java.awt.Image> variants = multi.getResolutionVariants();
        java.awt.Image largest = variants.getLast();
        if (largest instanceof BufferedImage b) {
            return b;
        }
        BufferedImage copy = new BufferedImage(largest.getWidth(null), largest.getHeight(null), BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(largest, 0, 0, null);
        return copy;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** The bounding box of the pixels that are not {@code background}. */
    private static Rectangle differsFrom(BufferedImage image, int background) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new Rectangle() : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
