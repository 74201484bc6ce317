package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.TestPki;

/**
 * The first run as a person meets it: their name and the server, the rest folded under Advanced; Start tries the
 * server for real before saving and says what is wrong in words, against real servers that are wrong in each way
 * (nothing listening, a certificate from an unknown CA, a certificate for another name, a server that never
 * answers), then the good stack. Screenshots: {@code target/screenshots/first-run-*.png}.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class FirstRunIT {
    private final List<AutoCloseable> servers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    @Test
    void startChecksTheServerAndSaysWhatIsWrongBeforeSaving(Robot robot, BrokerStack stack, @TempDir Path dir)
            throws Exception {
        TestPki pki = new TestPki(Files.createDirectories(dir.resolve("pki")));
        pki.createCa("strangers");
        pki.createServer("stranger", "strangers", "DNS:localhost,IP:127.0.0.1");
        pki.createCa("known");
        pki.createServer("elsewhere", "known", "DNS:other.example.org");
        int nothing = freePort();
        int untrusted = tlsServer(pki, "stranger");
        int otherName = tlsServer(pki, "elsewhere");

        AppDriver alice = AppDriver.launch("Alice", dir.resolve("alice"), robot, new Point(0, 0));
        DialogFixture first = WindowFinder.findDialog("dialog.firstrun").withTimeout(20, TimeUnit.SECONDS).using(robot);
        assertThat(labels(first)).as("no developer instructions on the first run")
                .noneMatch(text -> text.contains("scripts/stack")).anyMatch(text -> text.contains("Your name"));
        for (String folded : List.of("firstrun.web", "firstrun.ca", "firstrun.username", "firstrun.password")) {
            assertThat(showing(robot, first, folded)).as(folded + " is folded away under Advanced").isFalse();
        }
        first.textBox("firstrun.name").setText("Alice");
        first.textBox("firstrun.server").setText("localhost:" + nothing);
        shot(first, "first-run");

        first.button("firstrun.ok").click();
        awaitProblem(first, "Parley cannot reach localhost:" + nothing + ". Check the server's name and port");
        shot(first, "first-run-not-reachable");

        first.textBox("firstrun.server").setText("localhost:" + untrusted);
        first.button("firstrun.ok").click();
        awaitProblem(first, "The certificate of localhost:" + untrusted + " is not trusted. If your server uses its "
                + "own certificate authority, choose its CA file under Advanced.");
        assertThat(showing(robot, first, "firstrun.ca")).as("Advanced opened itself to show where the CA file goes")
                .isTrue();
        shot(first, "first-run-untrusted");

        first.textBox("firstrun.ca").setText(dir.resolve("pki").resolve("known.pem").toString());
        first.textBox("firstrun.server").setText("localhost:" + otherName);
        first.button("firstrun.ok").click();
        awaitProblem(first, "The certificate of localhost:" + otherName + " is for another name.");
        shot(first, "first-run-wrong-name");

        assertThat(alice.app.started()).as("nothing saved and nothing started while the server is wrong")
                .isNotDone();
        first.requireVisible();

        first.textBox("firstrun.server").setText(stack.mqttsUri().toString());
        assertThat(first.textBox("firstrun.web").text()).as("the web client follows the server's name")
                .isEqualTo("https://localhost/");
        first.textBox("firstrun.web").setText(stack.httpsUri().toString());
        first.textBox("firstrun.ca").setText(stack.caFile().toString());
        first.button("firstrun.ok").click();
        alice.awaitStarted();
        first.requireNotVisible();
        AppDriver.awaitEqual("the window title names the user", () -> GuiActionRunner.execute(alice.window::getTitle),
                "Parley — Alice");
        var invite = alice.newInvite();
        assertThat(invite.textBox("invite.link").text()).as("the browsers' wss follows from the web address")
                .startsWith(stack.httpsUri() + "#parley=1&").doesNotContain("&b=");
    }

    @Test
    void launchedForTheLocalStackTheFormComesFilledInAndOnlyTheNameIsTyped(Robot robot, BrokerStack stack,
            @TempDir Path dir) throws Exception {
        var defaults = new parley.ui.settings.FirstRunDefaults(Optional.of(stack.mqttsUri().toString()),
                Optional.of(stack.httpsUri().toString()), Optional.of(stack.caFile().toString()));
        AppDriver carol = AppDriver.launch("Carol", dir.resolve("carol"), robot, new Point(0, 0),
                new DesktopApp.Options(false, false, Optional.empty(), Optional.empty(), Optional.empty(), defaults));
        DialogFixture first = AppDriver.onScreen(WindowFinder.findDialog("dialog.firstrun")
                .withTimeout(20, TimeUnit.SECONDS).using(robot));
        assertThat(first.textBox("firstrun.server").text()).isEqualTo(stack.mqttsUri().toString());
        first.toggleButton("firstrun.advanced").click();
        assertThat(first.textBox("firstrun.web").text()).isEqualTo(stack.httpsUri().toString());
        assertThat(first.textBox("firstrun.ca").text()).isEqualTo(stack.caFile().toString());
        first.textBox("firstrun.name").enterText("Carol");
        first.button("firstrun.ok").click();
        carol.awaitStarted(); // checked and saved like a typed server
        assertThat(carol.newInvite().textBox("invite.link").text()).startsWith(stack.httpsUri() + "#parley=1&");
    }

    @Test
    void aCheckShowsItsProgressAndCanBeStopped(Robot robot, @TempDir Path dir) throws Exception {
        int silent = silentServer();
        AppDriver.launch("Bob", dir.resolve("bob"), robot, new Point(0, 0));
        DialogFixture first = WindowFinder.findDialog("dialog.firstrun").withTimeout(20, TimeUnit.SECONDS).using(robot);
        first.textBox("firstrun.name").setText("Bob");
        first.textBox("firstrun.server").setText("localhost:" + silent);
        first.button("firstrun.ok").click();
        first.progressBar("firstrun.progress").requireVisible();
        first.label("firstrun.progress.text").requireText("Checking the connection to localhost:" + silent + "…");
        first.button("firstrun.ok").requireDisabled();
        first.textBox("firstrun.server").requireDisabled();
        shot(first, "first-run-checking");
        first.button("firstrun.check.cancel").click();
        awaitProblem(first, "Stopped checking. Nothing was saved.");
        assertThat(showing(robot, first, "firstrun.progress")).isFalse();
        first.button("firstrun.ok").requireEnabled();
        first.textBox("firstrun.server").requireEnabled();
    }

    @Test
    void theServerCanBeChangedInSettingsWithTheSameCheck(Robot robot, BrokerStack stack, @TempDir Path dir)
            throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        alice.frame.menuItem("menu.SETTINGS").click();
        DialogFixture settings = WindowFinder.findDialog("dialog.settings").withTimeout(20, TimeUnit.SECONDS)
                .using(robot);
        settings.label("settings.server").requireText("localhost:" + stack.mqttsPort());
        settings.button("settings.server.change").click();
        DialogFixture server = WindowFinder.findDialog("dialog.server").withTimeout(20, TimeUnit.SECONDS).using(robot);
        server.textBox("server.server").requireText("localhost:" + stack.mqttsPort());
        int nothing = freePort();
        server.textBox("server.server").setText("localhost:" + nothing);
        server.button("server.ok").click();
        AppDriver.await("the server dialog says it cannot reach the server", () -> GuiActionRunner.execute(() -> {
            var problem = (javax.swing.JTextArea) robot.finder().findByName(server.target(), "server.problem", false);
            return problem.isShowing() && problem.getText().startsWith("Parley cannot reach localhost:" + nothing);
        }));
        shot(server, "settings-server-not-reachable");
        server.textBox("server.server").setText(stack.mqttsUri().toString());
        server.button("server.ok").click();
        AppDriver.await("the server dialog closes once the server answered",
                () -> !GuiActionRunner.execute(() -> server.target().isShowing()));
        settings.label("settings.server").requireText("localhost:" + stack.mqttsPort());
        settings.button("settings.close").click();
        // the chats were restarted on the saved server: a new invite goes live through it
        alice.newInvite();
    }

    private static void awaitProblem(DialogFixture dialog, String start) {
        AppDriver.await("the first run says: " + start, () -> GuiActionRunner.execute(() -> {
            var problem = (javax.swing.JTextArea) dialog.robot().finder().findByName(dialog.target(),
                    "firstrun.problem", false);
            return problem.isShowing() && problem.getText().startsWith(start);
        }));
        dialog.button("firstrun.ok").requireEnabled();
    }

    private static boolean showing(Robot robot, DialogFixture dialog, String name) {
        return GuiActionRunner.execute(() -> robot.finder().findByName(dialog.target(), name, false).isShowing());
    }

    private static List<String> labels(DialogFixture dialog) {
        return GuiActionRunner.execute(() -> {
            List<String> texts = new java.util.ArrayList<>();
            collect(dialog.target(), texts);
            return texts;
        });
    }

    private static void collect(java.awt.Container c, List<String> texts) {
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof javax.swing.JLabel l && l.isShowing() && l.getText() != null) {
                texts.add(l.getText());
            }
            if (child instanceof java.awt.Container inner) {
                collect(inner, texts);
            }
        }
    }

    private static void shot(DialogFixture dialog, String name) throws Exception {
        Path shots = SwingExtension.screenshots();
        Files.createDirectories(shots);
        Rectangle bounds = GuiActionRunner.execute(() -> dialog.target().getBounds());
        BufferedImage image = new java.awt.Robot().createScreenCapture(bounds);
        ImageIO.write(image, "png", shots.resolve(name + ".png").toFile());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A real TLS server presenting certificate {@code name}: it completes or fails the handshake, then hangs up. */
    private int tlsServer(TestPki pki, String name) throws Exception {
        SSLServerSocket server = (SSLServerSocket) pki.serverContext(name).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(server);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                } catch (IOException e) {
                    // the client refused the certificate, as it should; or the server closed
                }
            }
        });
        return server.getLocalPort();
    }

    /** A server that accepts connections and never says a word: a check of it waits until stopped. */
    private int silentServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(server);
        List<Socket> held = new CopyOnWriteArrayList<>();
        servers.add(() -> {
            for (Socket s : held) {
                s.close();
            }
        });
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server.getLocalPort();
    }
}
