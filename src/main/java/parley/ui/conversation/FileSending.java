package parley.ui.conversation;

import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JFileChooser;
import parley.chat.Chat;
import parley.chat.ChatService;
import parley.crypto.ChatId;
import parley.ui.kit.SafePicture;
import parley.ui.shell.StatusLine;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/**
 * Files on their way out of the open chat: picked with the paper clip, dropped on the conversation or pasted into
 * the composer; each goes through the preview ({@link AttachPreview}) and then {@link ChatService#sendFile}, which
 * encrypts it into the profile. A pasted picture is written to a PNG of its own (mode 0600, in a folder only the
 * user can enter: {@link PrivateTemp}) and deleted once the service has its copy. On the EDT.
 */
final class FileSending {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss");

    private final Component owner;
    private final BackgroundTasks tasks;
    private final StatusLine status;
    private final Supplier<ChatService> service;
    private final Supplier<Chat> chat;
    private java.io.File lastFolder;

    FileSending(Component owner, BackgroundTasks tasks, StatusLine status, Supplier<ChatService> service,
            Supplier<Chat> chat) {
        this.owner = owner;
        this.tasks = tasks;
        this.status = status;
        this.service = service;
        this.chat = chat;
    }

    /** The paper clip: a file chooser, then the preview. */
    void choose() {
        Edt.require();
        JFileChooser chooser = new JFileChooser(lastFolder);
        chooser.setName("dialog.attachfile");
        chooser.setDialogTitle("Send a file");
        chooser.setMultiSelectionEnabled(true);
        chooser.setFileSelectionMode(JFileChooser.FILES_ONLY);
        if (chooser.showDialog(owner, "Choose") != JFileChooser.APPROVE_OPTION) {
            return;
        }
        lastFolder = chooser.getCurrentDirectory();
        java.io.File[] picked = chooser.getSelectedFiles().length > 0 ? chooser.getSelectedFiles()
                : new java.io.File[] {chooser.getSelectedFile()};
        attach(Arrays.stream(picked).map(java.io.File::toPath).toList(), false);
    }

    /** Files dropped or pasted: read, previewed, sent on Send. */
    void attach(List<Path> files, boolean temporary) {
        Edt.require();
        Chat to = chat.get();
        if (to == null || to.phase() != parley.chat.ChatPhase.ACTIVE) {
            status.notice("Files can be sent once the chat is ready");
            files.forEach(f -> forget(f, temporary));
            return;
        }
        tasks.run("Reading the file", () -> files.stream().map(f -> Outgoing.read(f, temporary)).toList(),
                read -> {
                    if (AttachPreview.ask(owner, to.name(), read)) {
                        read.forEach(f -> send(to.id(), f));
                    } else {
                        read.forEach(f -> forget(f.path(), f.temporary()));
                    }
                }, failure -> {
                    status.notice("Could not read the file: " + Failures.message(failure));
                    files.forEach(f -> forget(f, temporary));
                });
    }

    /** A picture pasted into the composer (a screenshot): written to a private PNG, then as a file. */
    void pasted(Transferable picture) {
        Edt.require();
        tasks.run("Reading the pasted picture", () -> writePicture(picture), file -> attach(List.of(file), true),
                failure -> status.notice("Not pasted: " + Failures.message(failure)));
    }

    private void send(ChatId to, Outgoing file) {
        service.get().files().send(to, file.path()).whenCompleteAsync(Edt.guard((message, failure) -> {
            if (failure != null) {
                status.notice("Not sent: " + Failures.message(failure));
            }
            forget(file.path(), file.temporary());
        }), Edt.EXECUTOR);
    }

    /** Deletes a pasted picture's file and its folder (off the EDT); a file the user picked is left alone. */
    private void forget(Path file, boolean temporary) {
        if (temporary) {
            tasks.runQuietly(() -> {
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(file.getParent());
                } catch (IOException e) {
                    // deleteOnExit (set when it was written) takes it at the latest
                }
            });
        }
    }

    /**
     * The clipboard's picture as a PNG only this user can read. AWT has decoded it already, so its size is checked
     * before it is copied and written (the limits of {@link SafePicture}).
     */
    static Path writePicture(Transferable t) throws Exception {
        Edt.forbid();
        Image image = (Image) t.getTransferData(DataFlavor.imageFlavor);
        SafePicture.checkSize(image.getWidth(null), image.getHeight(null));
        BufferedImage pixels = new BufferedImage(image.getWidth(null), image.getHeight(null), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = pixels.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        Path dir = PrivateTemp.folder("parley-paste-");
        Path file = PrivateTemp.forget(Files.createFile(
                dir.resolve("Pasted picture " + STAMP.format(LocalDateTime.now()) + ".png"), PrivateTemp.FILE));
        if (!ImageIO.write(pixels, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }
}
