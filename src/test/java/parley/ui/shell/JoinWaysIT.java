package parley.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JFileChooserFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.invite.Invite;
import parley.invite.InviteFixtures;
import parley.invite.InviteLink;
import parley.invite.qr.QrCodes;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.ui.invite.JoinConfirmation;
import parley.ui.invite.JoinDialog;

/**
 * The other three ways to join (image file, clipboard with an image or a link, a pasted link), each to a real
 * chat, and what the join dialog says about pictures and text that hold no usable invite.
 */
@ExtendWith({SwingExtension.class, BrokerStackExtension.class})
class JoinWaysIT {

    @Test
    void joinFromAnImageFileTheClipboardAndAPastedLink(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        AppDriver alice = AppDriver.firstRun("Alice", dir.resolve("alice"), robot, new Point(0, 0), stack);
        AppDriver bob = AppDriver.firstRun("Bob", dir.resolve("bob"), robot, new Point(960, 0), stack);

        // an image file, through the file chooser
        String first = inviteLink(alice);
        Path png = writeQr(dir.resolve("invite.png"), first);
        DialogFixture join = bob.openJoin();
        chooseFile(join, robot, png);
        activate(join, robot);
        AppDriver.confirmOwnBrokerJoin(join, "Alice");
        awaitJoined(alice, bob, 1);

        // the clipboard holding a picture of the code
        String second = inviteLink(alice);
        BufferedImage picture = QrCodes.render(second, 5);
        GuiActionRunner.execute(() -> Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new ImageSelection(picture), null));
        DialogFixture fromPicture = bob.openJoin();
        fromPicture.button("join.clipboard").click();
        AppDriver.confirmOwnBrokerJoin(fromPicture, "Alice");
        awaitJoined(alice, bob, 2);

        // the clipboard holding the link as text
        String third = inviteLink(alice);
        GuiActionRunner.execute(() -> Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(third), null));
        DialogFixture fromText = bob.openJoin();
        fromText.button("join.clipboard").click();
        AppDriver.confirmOwnBrokerJoin(fromText, "Alice");
        awaitJoined(alice, bob, 3);

        // a pasted link
        String fourth = inviteLink(alice);
        DialogFixture paste = bob.openJoin();
        paste.textBox("join.link").setText(fourth);
        paste.button("join.link.go").click();
        AppDriver.confirmOwnBrokerJoin(paste, "Alice");
        awaitJoined(alice, bob, 4);

        bob.send("via a pasted link");
        alice.awaitBubble("via a pasted link");
    }

    @Test
    void aPictureWithTwoInvitesListsBothAndJoinsOnlyThePickedOneOnOk(Robot robot, BrokerStack stack, @TempDir Path dir)
            throws Exception {
        try (CorePeer carol = CorePeer.start("Carol", dir.resolve("carol"), stack);
             CorePeer dave = CorePeer.start("Dave", dir.resolve("dave"), stack)) {
            AppDriver bob = AppDriver.firstRun("Bob", dir.resolve("bob"), robot, new Point(0, 0), stack);
            var carolInvite = carol.service.createInvite(Optional.empty()).get(30, TimeUnit.SECONDS);
            var daveInvite = dave.service.createInvite(Optional.empty()).get(30, TimeUnit.SECONDS);
            BufferedImage top = QrCodes.render(carolInvite.link(), 5);
            BufferedImage bottom = QrCodes.render(daveInvite.link(), 5);
            BufferedImage both = new BufferedImage(top.getWidth() + 40, top.getHeight() + bottom.getHeight() + 60,
                    BufferedImage.TYPE_INT_RGB);
            var g = both.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, both.getWidth(), both.getHeight());
            g.drawImage(top, 20, 20, null);
            g.drawImage(bottom, 20, top.getHeight() + 40, null);
            g.dispose();
            Path png = writeImage(dir.resolve("two-invites.png"), both);

            // Back joins nothing
            DialogFixture join = bob.openJoin();
            chooseFile(join, robot, png);
            activate(join, robot);
            JoinConfirmation confirmation = AppDriver.awaitConfirmation(join);
            assertThat(GuiActionRunner.execute(confirmation::choiceCount)).isEqualTo(2);
            assertThat(GuiActionRunner.execute(confirmation::fromText)).isEqualTo("From: Carol");
            join.button("join.confirm.back").click();
            awaitResult(join, "Not joined");
            assertThat(bob.chats()).as("Back sent no join").isEmpty();

            // the second one, picked from the list, is the one joined
            chooseFile(join, robot, png);
            activate(join, robot);
            AppDriver.awaitConfirmation(join);
            join.list("join.confirm.choices").clickItem(1);
            assertThat(GuiActionRunner.execute(confirmation::fromText)).isEqualTo("From: Dave");
            join.button("join.confirm.ok").click();
            AppDriver.await("Bob's one chat is with Dave, and active", () -> bob.chats().size() == 1
                    && bob.chats().getFirst().name().equals("Dave")
                    && bob.chats().getFirst().phase() == parley.chat.ChatPhase.ACTIVE);
            assertThat(carol.service.chat(carolInvite.chat()).get(10, TimeUnit.SECONDS).phase())
                    .as("Carol's invite was not answered").isEqualTo(parley.chat.ChatPhase.INVITED);
        }
    }

    @Test
    void picturesAndTextWithoutAUsableInviteSayWhatWasSeen(Robot robot, BrokerStack stack, @TempDir Path dir) throws Exception {
        AppDriver bob = AppDriver.firstRun("Bob", dir.resolve("bob"), robot, new Point(0, 0), stack);
        DialogFixture join = bob.openJoin();

        chooseFile(join, robot, writeImage(dir.resolve("noise.png"), noise()));
        awaitResult(join, "Image: no QR code found");

        Path notAnImage = Files.writeString(dir.resolve("notes.png"), "not a picture at all");
        chooseFile(join, robot, notAnImage);
        awaitResult(join, "Image: notes.png is not an image Parley can read (PNG, JPEG, GIF or BMP)");

        chooseFile(join, robot, writeQr(dir.resolve("website.png"), "https://example.org/menu"));
        awaitResult(join, "Image: a QR code that is not a Parley invite");

        Invite expired = new Invite(InviteFixtures.INBOX, InviteFixtures.KEY, Optional.of(InviteFixtures.WSS),
                Optional.of(InviteFixtures.MQTTS), Optional.of("Mallory"), Instant.now().minusSeconds(120));
        chooseFile(join, robot, writeQr(dir.resolve("old.png"), InviteLink.format(expired, Optional.empty())));
        awaitResult(join, "Image: this invite expired at");

        activate(join, robot);
        join.textBox("join.link").setText("see you at 8");
        join.button("join.link.go").click();
        awaitResult(join, "Link: this is not a Parley invite link");

        GuiActionRunner.execute(() -> Toolkit.getDefaultToolkit().getSystemClipboard()
                .setContents(new ImageSelection(noise()), null));
        join.button("join.clipboard").click();
        awaitResult(join, "Clipboard: no QR code found");

        // a decompression bomb (50000 x 50000, ~300 KB): refused from its header, the app goes on
        Path bomb = parley.invite.qr.DecompressionBomb.write(dir.resolve("bomb.png"), 50_000, 50_000);
        chooseFile(join, robot, bomb);
        awaitResult(join, "Image: the image is too large to scan (50000 x 50000 pixels; at most 16 million)");
        // a huge picture on the clipboard (20 million 1-bit pixels: cheap here, not once copied to RGB)
        GuiActionRunner.execute(() -> Toolkit.getDefaultToolkit().getSystemClipboard()
                .setContents(new ImageSelection(new BufferedImage(5000, 4000, BufferedImage.TYPE_BYTE_BINARY)), null));
        join.button("join.clipboard").click();
        awaitResult(join, "Clipboard: the image is too large to scan (5000 x 4000 pixels");
        // and an ordinary picture still scans afterwards
        chooseFile(join, robot, writeImage(dir.resolve("noise-again.png"), noise()));
        awaitResult(join, "Image: no QR code found");

        assertThat(bob.chats()).as("nothing was joined").isEmpty();
    }

    /** Gives the dialog the focus back after the file chooser, as a window manager would. */
    private static void activate(DialogFixture dialog, Robot robot) {
        GuiActionRunner.execute(() -> {
            dialog.target().toFront();
            dialog.target().requestFocus();
        });
        robot.waitForIdle();
    }

    private static String inviteLink(AppDriver inviter) {
        DialogFixture invite = inviter.newInvite();
        return invite.textBox("invite.link").text();
    }

    private static void awaitJoined(AppDriver alice, AppDriver bob, int chats) {
        AppDriver.await("Bob has " + chats + " active chats", () -> bob.chats().size() == chats
                && bob.chats().stream().allMatch(c -> c.phase() == parley.chat.ChatPhase.ACTIVE));
        AppDriver.await("Alice's invite turned into a chat", () -> alice.chats().size() == chats
                && alice.chats().stream().allMatch(c -> c.phase() == parley.chat.ChatPhase.ACTIVE));
        alice.awaitOpenActiveChat();
    }

    /** Picks {@code file} in the join dialog's file chooser, clicking only once X has mapped it (it has the focus). */
    private static void chooseFile(DialogFixture join, Robot robot, Path file) {
        join.button("join.file").click();
        var chooser = JFileChooserFinder.findFileChooser().withTimeout(10, TimeUnit.SECONDS).using(robot);
        java.awt.Window window = GuiActionRunner.execute(
                () -> javax.swing.SwingUtilities.getWindowAncestor(chooser.target()));
        AppDriver.await("the file chooser on screen with the focus", () -> GuiActionRunner.execute(window::isFocused));
        chooser.selectFile(file.toFile()).approve();
        AppDriver.await("the file chooser closed", () -> !GuiActionRunner.execute(window::isShowing));
    }

    private static void awaitResult(DialogFixture join, String start) {
        AppDriver.await("the join dialog says \"" + start + "…\"", () -> GuiActionRunner.execute(
                () -> ((JoinDialog) join.target()).resultText()).startsWith(start));
    }

    private static Path writeQr(Path file, String text) throws Exception {
        return writeImage(file, QrCodes.render(text, 6));
    }

    private static Path writeImage(Path file, BufferedImage image) throws Exception {
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static BufferedImage noise() {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
