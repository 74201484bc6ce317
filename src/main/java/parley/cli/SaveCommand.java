package parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import parley.chat.DownloadFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    FileMessageArguments file;

    @Parameters(index = "2", paramLabel = "DIR", arity = "0..1", description = "The folder (default: your "
            + "download folder, XDG_DOWNLOAD_DIR, else ~/Downloads, else your home).")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open()) {
            FileMessageArguments.Found found = file.find(profile.chats());
            if (!FileMessages.complete(found.message(), found.file())) {
                throw new CliFailure(ExitCode.CHAT, FileMessages.notYetHere(found.file()));
            }
            Path written = profile.chats().files().save(found.chat(), found.message().id(),
                    dir != null ? dir : DownloadFolder.forThisUser()).join();
            out.println(TerminalText.escape(written.toString()));
            out.flush();
            return ExitCode.OK.code;
        }
    }
}
