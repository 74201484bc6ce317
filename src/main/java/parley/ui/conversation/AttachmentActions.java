package parley.ui.conversation;

import java.awt.Component;
import java.awt.Desktop;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.swing.JFileChooser;
import javax.swing.TransferHandler;
import parley.chat.ChatService;
import parley.chat.DownloadFolder;
import parley.crypto.ChatId;
import parley.crypto.MessageId;
import parley.ui.shell.StatusLine;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/**
 * What a file card's buttons do: download, pause or cancel, save where the user picks, open with the desktop's
 * application, view a picture whole. Called on the EDT; the chat service answers with futures, slow work runs on
 * the background executor (its titles name no file: they are logged), and what happened is said in the status line.
 */
final class AttachmentActions {
    private final Component owner;
    private final BackgroundTasks tasks;
    private final StatusLine status;
    private final Supplier<ChatService> service;
    final Thumbnails thumbnails;
    private final UnaryOperator<TransferHandler> dropping;

    AttachmentActions(Component owner, BackgroundTasks tasks, StatusLine status, Supplier<ChatService> service,
            UnaryOperator<TransferHandler> dropping) {
        this.owner = owner;
        this.dropping = dropping;
        this.tasks = tasks;
        this.status = status;
        this.service = service;
        this.thumbnails = new Thumbnails(tasks, service);
    }

    /** {@code own} (a message text's handler), also taking files dropped on it to send them. */
    TransferHandler dropping(TransferHandler own) {
        return dropping.apply(own);
    }

    void download(ChatId chat, MessageId message) {
        service.get().files().download(chat, message).whenCompleteAsync(Edt.guard((v, failure) -> {
            if (failure != null) {
                status.notice("Could not download the file: " + Failures.message(failure));
            }
        }), Edt.EXECUTOR);
    }

    /** The receiver pauses; the sender cancels the offer. */
    void stop(ChatId chat, MessageId message, boolean outgoing) {
        service.get().files().stop(chat, message).whenCompleteAsync(Edt.guard((v, failure) -> {
            if (failure != null) {
                status.notice((outgoing ? "Could not cancel sending: " : "Could not pause the download: ")
                        + Failures.message(failure));
            }
        }), Edt.EXECUTOR);
    }

    /** Asks for a folder (first the download folder) and saves the file there under its own name, never over another. */
    void save(ChatId chat, MessageId message) {
        Edt.require();
        JFileChooser chooser = new JFileChooser(DownloadFolder.forThisUser().toFile());
        chooser.setName("dialog.save");
        chooser.setDialogTitle("Save the file in");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setAcceptAllFileFilterUsed(false);
        if (chooser.showDialog(owner, "Save here") != JFileChooser.APPROVE_OPTION || chooser.getSelectedFile() == null) {
            return;
        }
        saveIn(chat, message, chooser.getSelectedFile().toPath());
    }

    /** Saves the file into {@code folder}; the status line says where it went. */
    void saveIn(ChatId chat, MessageId message, Path folder) {
        service.get().files().save(chat, message, folder).whenCompleteAsync(Edt.guard((path, failure) -> {
            status.notice(failure != null ? "Not saved: " + Failures.message(failure) : "Saved as " + path);
        }), Edt.EXECUTOR);
    }

    /**
     * Writes the file into a folder of its own that only this user can read (the desktop's application needs a
     * path) and hands it to the desktop; both go when Parley quits.
     */
    void open(ChatId chat, MessageId message) {
        Edt.require();
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            status.notice("This desktop gives Parley no way to open files: use Save, then open it from there");
            return;
        }
        ChatService chats = service.get();
        tasks.run("Opening the file", () -> {
            Path file = PrivateTemp.forget(chats.files().save(chat, message, PrivateTemp.folder("parley-open-"))
                    .get(60, TimeUnit.SECONDS));
            Desktop.getDesktop().open(file.toFile());
            return file;
        }, file -> status.notice(""), failure -> status.notice("Could not open the file: " + Failures.message(failure)));
    }

    /** The picture whole, in a window of its own, scaled to the screen. */
    void view(ChatId chat, MessageId message, String name, String mediaType) {
        Edt.require();
        ImageViewer.show(owner, tasks, status, service.get(), chat, message, name, mediaType);
    }
}
