package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JLabel;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JFileChooserFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.Attachment;
import parley.chat.ChatEvent;
import parley.chat.Message;
import parley.chat.TransferState;
import parley.crypto.ChatId;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.ui.conversation.MessageBubble;

/**
 * Files and pictures between the desktop app (Alice, a real window) and a friend on the chat core (Bob) over the
 * real broker stack: a picture Bob sends shows inline at thumbnail size (whole in a viewer on a click) and as "Photo"
 * in the chat list; a PDF
 * shows as a card whose Save writes the same bytes, mode 0600; a file picked with the paper clip and a picture
 * pasted into the composer go through the preview to Bob, complete; a file over 100 MiB is refused in the preview.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class FilesGuiIT {

    @Test
    void picturesShowInlineAndFilesAsCardsBothWays(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        try (CorePeer bob = CorePeer.start("Bob", dir.resolve("bob"), stack)) {
            ChatId chat = bob.joinInviteOf(alice);
            alice.awaitOpenActiveChat();

            // a picture from Bob: inline, 400 x 300 shown at 240 x 180, and "Photo" in the list
            Path png = picture(dir.resolve("beach.png"), 400, 300);
            Message photo = bob.service.files().send(chat, png).get(30, TimeUnit.SECONDS);
            AppDriver.await("Alice shows Bob's picture inline", () -> thumbnailIcon(alice, "beach.png").isPresent());
            Icon icon = thumbnailIcon(alice, "beach.png").orElseThrow();
            assertThat(new java.awt.Dimension(icon.getIconWidth(), icon.getIconHeight()))
                    .isEqualTo(new java.awt.Dimension(240, 180));
            AppDriver.await("the chat list previews it as Photo", () -> GuiActionRunner.execute(
                    () -> alice.window.chatList.rows().getModel().getElementAt(0).spoken()).endsWith("last message: Photo"));
            awaitBobsState(bob, photo, TransferState.DELIVERED);
            // a click on it: the whole picture in a window of its own (400 x 300 fits the screen: not scaled)
            alice.activate();
            JLabel thumbnail = GuiActionRunner.execute(() -> bubble(alice, "beach.png").flatMap(MessageBubble::thumbnail).orElseThrow());
            new org.assertj.swing.fixture.JLabelFixture(robot, thumbnail).click();
            DialogFixture viewer = WindowFinder.findDialog("dialog.picture").withTimeout(20, TimeUnit.SECONDS).using(robot);
            Icon whole = GuiActionRunner.execute(() -> ((JLabel) viewer.label("picture.full").target()).getIcon());
            assertThat(new java.awt.Dimension(whole.getIconWidth(), whole.getIconHeight())).isEqualTo(new java.awt.Dimension(400, 300));
            GuiActionRunner.execute(() -> viewer.target().dispose());

            // a PDF from Bob: a card; Save writes the same bytes, readable only by Alice
            byte[] pdf = pdfLike(300_000);
            Path report = Files.write(dir.resolve("report.pdf"), pdf);
            bob.service.files().send(chat, report).get(30, TimeUnit.SECONDS);
            AppDriver.await("Alice has the PDF", () -> state(alice, "report.pdf").equals(Optional.of(TransferState.COMPLETE)));
            AppDriver.await("the chat list previews it by name", () -> GuiActionRunner.execute(
                    () -> alice.window.chatList.rows().getModel().getElementAt(0).spoken()).endsWith("last message: report.pdf"));
            assertThat(labelText(alice, "report.pdf", "attachment.name")).isEqualTo("report.pdf");
            assertThat(labelText(alice, "report.pdf", "attachment.details")).isEqualTo("300 kB · PDF");
            Path downloads = Files.createDirectories(dir.resolve("saved"));
            alice.activate();
            click(alice, "report.pdf", "attachment.save");
            JFileChooserFixture chooser = JFileChooserFinder.findFileChooser("dialog.save").withTimeout(20, TimeUnit.SECONDS)
                    .using(robot);
            chooser.setCurrentDirectory(dir.toFile());
            chooser.selectFile(downloads.toFile());
            chooser.approve();
            Path saved = downloads.resolve("report.pdf");
            AppDriver.await("saved", () -> GuiActionRunner.execute(() -> alice.window.status.noticeText())
                    .equals("Saved as " + saved));
            assertThat(Files.readAllBytes(saved)).isEqualTo(pdf);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
            DesktopChatIT.saveScreenshot(alice, "files-received.png");

            // Alice picks a file with the paper clip: the preview, Send, and Bob has it whole
            byte[] notes = "minutes of the meeting\n".repeat(4000).getBytes(StandardCharsets.UTF_8);
            Path minutes = Files.write(dir.resolve("minutes.txt"), notes);
            DialogFixture preview = attachWithPaperClip(alice, robot, dir, minutes);
            preview.label("attach.name").requireText("minutes.txt");
            preview.label("attach.details").requireText("92.0 kB · text/plain");
            preview.button("attach.send").click();
            Message got = awaitBobsFile(bob, "minutes.txt");
            awaitBobsState(bob, got, TransferState.COMPLETE);
            try (InputStream in = bob.service.files().open(chat, got.id()).get(30, TimeUnit.SECONDS)) {
                assertThat(in.readAllBytes()).isEqualTo(notes);
            }
            AppDriver.await("Alice sees it delivered", () -> state(alice, "minutes.txt").equals(Optional.of(TransferState.DELIVERED)));

            // a file over the limit is refused in the preview, naming both sizes; nothing is sent
            Path iso = dir.resolve("disk.iso");
            try (RandomAccessFile f = new RandomAccessFile(iso.toFile(), "rw")) {
                f.setLength(120L * 1024 * 1024);
            }
            DialogFixture refused = attachWithPaperClip(alice, robot, dir, iso);
            refused.label("attach.refusal").requireText("disk.iso is too large to send: it is 125,829,120 bytes (126 MB);"
                    + " Parley sends files of up to 104,857,600 bytes (100 MiB)");
            refused.button("attach.send").requireDisabled();
            AppDriver.await("Cancel closes the preview", () -> {
                // a click before the X server has mapped the dialog lands beneath it: clicked again while it shows
                if (GuiActionRunner.execute(() -> refused.target().isShowing())) {
                    refused.button("attach.cancel").click();
                    robot.waitForIdle();
                }
                return !GuiActionRunner.execute(() -> refused.target().isShowing());
            });
            AppDriver.await("the window has the focus back", () -> {
                alice.activate(); // no window manager under Xvfb hands it back when the dialog goes
                return GuiActionRunner.execute(() -> alice.window.isFocused());
            });

            // a screenshot pasted into the composer: previewed with its thumbnail, sent, its temporary copy gone
            BufferedImage shot = colours(640, 320);
            GuiActionRunner.execute(() -> Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new ImageSelection(shot), null));
            alice.activate();
            alice.frame.textBox("composer.input").click();
            robot.pressKey(KeyEvent.VK_CONTROL); // the robot's own keys: the preview takes the focus before Ctrl is up
            robot.pressAndReleaseKey(KeyEvent.VK_V);
            robot.releaseKey(KeyEvent.VK_CONTROL);
            DialogFixture pasted = AppDriver.onScreen(WindowFinder.findDialog("dialog.attach").withTimeout(20, TimeUnit.SECONDS)
                    .using(robot));
            Icon thumb = GuiActionRunner.execute(() -> ((JLabel) pasted.label("attach.thumbnail").target()).getIcon());
            assertThat(thumb.getIconWidth()).isEqualTo(240);
            assertThat(thumb.getIconHeight()).isEqualTo(120);
            String pastedName = pasted.label("attach.name").text();
            assertThat(pastedName).startsWith("Pasted picture ").endsWith(".png");
            pasted.button("attach.send").click();
            Message picture = awaitBobsFile(bob, pastedName);
            awaitBobsState(bob, picture, TransferState.COMPLETE);
            try (InputStream in = bob.service.files().open(chat, picture.id()).get(30, TimeUnit.SECONDS)) {
                BufferedImage back = ImageIO.read(in);
                assertThat(back.getWidth()).isEqualTo(640);
                assertThat(new Color(back.getRGB(10, 10))).isEqualTo(new Color(shot.getRGB(10, 10)));
            }
            AppDriver.await("Alice shows her own pasted picture inline", () -> thumbnailIcon(alice, pastedName).isPresent());
            AppDriver.await("the pasted picture's temporary copy is deleted", () -> {
                try (var now = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                    return now.noneMatch(p -> p.getFileName().toString().startsWith("parley-paste-")
                            && Files.exists(p.resolve(pastedName)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void aFileOverTheAutomaticSizeWaitsForDownload(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        try (CorePeer bob = CorePeer.start("Bob", dir.resolve("bob"), stack)) {
            ChatId chat = bob.joinInviteOf(alice);
            alice.awaitOpenActiveChat();

            // Settings: 16 MiB by default, set to 1 MiB and kept by the chat service
            alice.activate();
            alice.frame.menuItem("menu.SETTINGS").click();
            DialogFixture settings = AppDriver.onScreen(WindowFinder.findDialog("dialog.settings")
                    .withTimeout(20, TimeUnit.SECONDS).using(robot));
            var spinner = settings.spinner("settings.autodownload");
            AppDriver.await("the limit is read", () -> GuiActionRunner.execute(() -> spinner.target().isEnabled()));
            spinner.requireValue(16);
            spinner.enterTextAndCommit("1");
            AppDriver.awaitEqual("the limit kept", () -> alice.window.service().orElseThrow().files().autoDownloadLimit().join(),
                    1024L * 1024);
            settings.button("settings.close").click();

            // a 3 MB file is offered, not fetched, until Download; then it arrives whole
            byte[] bytes = pdfLike(3_000_000);
            Message sent = bob.service.files().send(chat, Files.write(dir.resolve("slides.pdf"), bytes)).get(30, TimeUnit.SECONDS);
            AppDriver.await("offered", () -> state(alice, "slides.pdf").equals(Optional.of(TransferState.OFFERED)));
            assertThat(labelText(alice, "slides.pdf", "attachment.state")).isEqualTo("Larger than your automatic download size");
            alice.activate();
            click(alice, "slides.pdf", "attachment.download");
            AppDriver.await("downloaded", () -> state(alice, "slides.pdf").equals(Optional.of(TransferState.COMPLETE)));
            awaitBobsState(bob, sent, TransferState.DELIVERED);
            ChatId alicesChat = alice.openChat().id();
            MessageBubble done = GuiActionRunner.execute(() -> bubble(alice, "slides.pdf").orElseThrow());
            try (InputStream in = alice.window.service().orElseThrow().files().open(alicesChat, done.messageId())
                    .get(30, TimeUnit.SECONDS)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            assertThat(labelText(alice, "slides.pdf", "attachment.name")).isEqualTo("slides.pdf");
        }
    }

    /** Clicks the paper clip, picks {@code file} in the chooser and returns the preview that comes up. */
    private static DialogFixture attachWithPaperClip(AppDriver app, Robot robot, Path dir, Path file) {
        app.activate();
        app.frame.button("composer.attach").click();
        JFileChooserFixture chooser = JFileChooserFinder.findFileChooser("dialog.attachfile").withTimeout(20, TimeUnit.SECONDS)
                .using(robot);
        chooser.setCurrentDirectory(dir.toFile());
        chooser.selectFile(file.toFile());
        chooser.approve();
        return AppDriver.onScreen(WindowFinder.findDialog("dialog.attach").withTimeout(20, TimeUnit.SECONDS).using(robot));
    }

    private static Message awaitBobsFile(CorePeer bob, String name) {
        AppDriver.await("Bob receives " + name, () -> bob.events().stream().anyMatch(e -> e instanceof ChatEvent.MessageAdded a
                && a.message().attachment().map(Attachment::name).filter(name::equals).isPresent()));
        return bob.events().stream().filter(e -> e instanceof ChatEvent.MessageAdded).map(e -> ((ChatEvent.MessageAdded) e).message())
                .filter(m -> m.attachment().map(Attachment::name).filter(name::equals).isPresent()).findFirst().orElseThrow();
    }

    private static void awaitBobsState(CorePeer bob, Message m, TransferState state) {
        AppDriver.await("Bob's side of the file is " + state, () -> bob.events().stream().anyMatch(e ->
                e instanceof ChatEvent.TransferChanged t && t.message().equals(m.id()) && t.attachment().state() == state));
    }

    private static Optional<MessageBubble> bubble(AppDriver app, String fileName) {
        return app.window.conversation.column().bubbles().stream()
                .filter(b -> b.attachment().map(Attachment::name).filter(fileName::equals).isPresent()).findFirst();
    }

    private static Optional<TransferState> state(AppDriver app, String fileName) {
        return GuiActionRunner.execute(() -> bubble(app, fileName).flatMap(MessageBubble::attachment).map(Attachment::state));
    }

    private static Optional<Icon> thumbnailIcon(AppDriver app, String fileName) {
        return GuiActionRunner.execute(() -> bubble(app, fileName).flatMap(MessageBubble::thumbnail).map(JLabel::getIcon));
    }

    private static String labelText(AppDriver app, String fileName, String name) {
        return GuiActionRunner.execute(() -> find(bubble(app, fileName).orElseThrow(), name, JLabel.class).getText());
    }

    private static void click(AppDriver app, String fileName, String button) {
        JButton b = GuiActionRunner.execute(() -> find(bubble(app, fileName).orElseThrow(), button, JButton.class));
        new org.assertj.swing.fixture.JButtonFixture(app.frame.robot(), b).click();
    }

    private static <T extends Component> T find(Container root, String name, Class<T> type) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName()) && type.isInstance(c) && c.isShowing()) {
                return type.cast(c);
            }
            if (c instanceof Container inner) {
                T found = findOrNull(inner, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new AssertionError("no " + name + " showing");
    }

    private static <T extends Component> T findOrNull(Container root, String name, Class<T> type) {
        try {
            return find(root, name, type);
        } catch (AssertionError e) {
            return null;
        }
    }

    /** Two halves in two colours, so that a thumbnail shows what it was made of. */
    static BufferedImage colours(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x1e88e5));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xffb300));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 8, height / 6, height / 2, height / 2);
        g.dispose();
        return image;
    }

    static Path picture(Path file, int width, int height) throws Exception {
        ImageIO.write(colours(width, height), "png", file.toFile());
        return file;
    }

    /** A file that starts like a PDF, with random bytes after: nothing that compresses or looks like a picture. */
    static byte[] pdfLike(int size) {
        byte[] bytes = new byte[size];
        new Random(17).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
