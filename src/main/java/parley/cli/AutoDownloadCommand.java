package parley.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import parley.chat.ChatFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley auto-download [MIB]}: the size up to which received files are fetched without asking. */
@Command(name = "auto-download",
        description = {"Show or set the size up to which received files are fetched by themselves (in MiB, 0 to 100;"
                + " 0: always ask). Larger files wait for 'parley download'. The desktop's Settings set the same."})
final class AutoDownloadCommand implements Callable<Integer> {
    private static final long MIB = 1024 * 1024;

    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MIB", description = "The new size in MiB (a whole number).")
    Integer mebibytes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open()) {
            ChatFiles files = profile.chats().files();
            if (mebibytes != null) {
                files.setAutoDownloadLimit(mebibytes * MIB).join();
            }
            long limit = files.autoDownloadLimit().join();
            out.println(limit == 0 ? "Received files are fetched when you ask ('parley download')."
                    : "Received files of up to " + limit / MIB + " MiB are fetched by themselves; larger ones wait"
                            + " for 'parley download'.");
            out.flush();
            return ExitCode.OK.code;
        }
    }
}
