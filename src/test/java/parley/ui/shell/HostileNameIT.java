package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.FontMetrics;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.plaf.basic.BasicHTML;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.ChatId;
import parley.chat.ChatService;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * A peer named with HTML ({@code <html><img src=http://127.0.0.1:PORT/p>}) on the real broker, against a real HTTP
 * server that counts every request: while the chat list, the conversation header, the chat info dialog and the
 * new-message notice show the name, nothing is fetched, and each shows the name literally (its text, no HTML view,
 * and as wide as the literal text drawn in its font). A control label without Parley's rule fetches the URL at once,
 * so the counter would see a leak. Screenshot: {@code target/screenshots/hostile-name.png}.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class HostileNameIT {

    @Test
    void aNameThatIsHtmlIsShownAsTextAndFetchesNothing(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String hostile = "<html><img src=http://127.0.0.1:" + server.getAddress().getPort() + "/p>";
            AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
            try (CorePeer peer = CorePeer.start(hostile, dir.resolve("peer"), stack)) {
                ChatId peerChat = peer.joinInviteOf(alice);
                ChatId aliceChat = alice.awaitOpenActiveChat().id();
                ChatService service = alice.window.service().orElseThrow();

                // the notice: a message while the user is in another window
                JFrame other = GuiActionRunner.execute(() -> {
                    JFrame f = new JFrame("Another application");
                    f.setBounds(960, 0, 400, 300);
                    f.setVisible(true);
                    return f;
                });
                GuiActionRunner.execute(() -> {
                    other.toFront();
                    other.requestFocus();
                });
                AppDriver.await("the other window has the focus", () -> GuiActionRunner.execute(
                        () -> other.isFocused() && !alice.window.isFocused()));
                peer.send(peerChat, "hello");
                AppDriver.awaitEqual("the notice names the peer literally", () -> labelText(alice, "status.notice"),
                        "New message from " + hostile);
                alice.robotIdle();
                assertLiteral(alice.frame.label("status.notice").target(), "New message from " + hostile);
                assertThat(hits.get()).as("requests to the URL in the name, after the notice painted").isZero();
                GuiActionRunner.execute(other::dispose);

                // the header, and the info dialog once verified (its line names the peer)
                alice.activate();
                String digits = peer.service.safetyCode(peerChat).get(10, TimeUnit.SECONDS).grouped();
                service.verify(aliceChat, digits).get(10, TimeUnit.SECONDS);
                DialogFixture info = alice.openVerify();
                AppDriver.awaitEqual("the info dialog's verified line",
                        () -> GuiActionRunner.execute(() -> info.label("chatinfo.verified").target().getText()),
                        "Verified: you and " + hostile + " compared safety codes");
                assertThat(GuiActionRunner.execute(() -> info.target().getTitle())).isEqualTo("Chat with " + hostile);
                alice.robotIdle();

                assertLiteral(alice.frame.label("conversation.title").target(), hostile);
                assertLiteral(info.label("chatinfo.verified").target(), "Verified: you and " + hostile + " compared safety codes");
                assertListRowLiteral(alice, hostile);
                saveScreenshot(alice, info);
                assertThat(hits.get()).as("requests to the URL in the name, after everything showing it painted").isZero();
                info.button("chatinfo.close").click();
            }

            // the control: a label without html.disable fetches the image as soon as it is laid out
            JFrame control = GuiActionRunner.execute(() -> {
                JFrame f = new JFrame("control");
                f.add(new JLabel("<html><img src=http://127.0.0.1:" + server.getAddress().getPort() + "/control>"));
                f.pack();
                f.setVisible(true);
                return f;
            });
            AppDriver.await("the control label's fetch reaches the counting server", () -> hits.get() > 0);
            GuiActionRunner.execute(control::dispose);
        } finally {
            server.stop(0);
        }
    }

    private static String labelText(AppDriver app, String name) {
        return GuiActionRunner.execute(() -> app.frame.label(name).target().getText());
    }

    /** The label holds the text, built no HTML view, and is as wide as the literal text in its font. */
    private static void assertLiteral(JLabel label, String text) {
        GuiActionRunner.execute(() -> {
            assertThat(label.getText()).isEqualTo(text);
            assertThat(label.getClientProperty(BasicHTML.propertyKey)).as("an HTML view of " + label.getName()).isNull();
            FontMetrics metrics = label.getFontMetrics(label.getFont());
            assertThat(label.getPreferredSize().width).as("the width of " + label.getName())
                    .isGreaterThanOrEqualTo(metrics.stringWidth(text));
        });
    }

    /** The chat list's row as its renderer draws it: the name label shows the literal name. */
    private static void assertListRowLiteral(AppDriver app, String name) {
        JLabel rowName = GuiActionRunner.execute(() -> {
            var rows = app.window.chatList.rows();
            var renderer = rows.getCellRenderer();
            var row = (java.awt.Container) renderer.getListCellRendererComponent(rows, rows.getModel().getElementAt(0),
                    0, false, false);
            return findLabel(row, name);
        });
        assertThat(rowName).as("a label in the chat list's row showing the name").isNotNull();
        assertLiteral(rowName, name);
    }

    private static JLabel findLabel(java.awt.Container c, String text) {
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof JLabel l && text.equals(l.getText())) {
                return l;
            }
            if (child instanceof java.awt.Container inner) {
                JLabel found = findLabel(inner, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void saveScreenshot(AppDriver app, DialogFixture info) throws Exception {
        Path shots = SwingExtension.screenshots();
        Files.createDirectories(shots);
        Rectangle window = GuiActionRunner.execute(() -> app.window.getBounds().union(info.target().getBounds()));
        BufferedImage shot = new java.awt.Robot().createScreenCapture(window);
        ImageIO.write(shot, "png", shots.resolve("hostile-name.png").toFile());
    }
}
