package parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import parley.chat.Attachment;
import parley.chat.Message;
import parley.crypto.ChatId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley save CHAT MESSAGE [DIR]}: writes a received (complete) file, or one of your own, in the clear. */
@Command(name = "save", description = {"Write a file you received (once complete) or sent into a folder, under "
        + "its name, never over another file (\"name (1).ext\" instead), readable by you only (mode 0600).",
        "Prints the path written."})
final class SaveCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHAT", description = "Chat id, id prefix or name.")
    String chat;

    @Parameters(index = "1", paramLabel = "MESSAGE", description = "The file's message id (as listen and history "
            + "print it), or a unique prefix of it.")
    String message;

    @Parameters(index = "2", paramLabel = "DIR", arity = "0..1", description = "The folder (default: your "
            + "download folder, XDG_DOWNLOAD_DIR, else ~/Downloads, else your home).")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open()) {
            ChatId id = profile.chats().resolve(chat).join();
            Message m = MessageLookup.find(profile.chats(), id, message);
            Attachment a = FileMessages.attachmentOf(m);
            if (!FileMessages.complete(m, a)) {
                throw new CliFailure(ExitCode.CHAT, FileMessages.notYetHere(a));
            }
            Path written = profile.chats().saveFile(id, m.id(), dir != null ? dir : DownloadFolder.forThisUser())
                    .join();
            out.println(TerminalText.escape(written.toString()));
            out.flush();
            return ExitCode.OK.code;
        }
    }
}
