package parley.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import parley.crypto.ChatId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley delete CHAT}: cancels an invite or deletes a chat with its keys and history. */
@Command(name = "delete", description = "Cancel an open invite, or delete a chat with its keys and history.")
final class DeleteCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CHAT")
    String chat;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open()) {
            ChatId id = profile.chats().resolve(chat).join();
            profile.chats().delete(id).join();
            out.println("deleted " + id);
            out.flush();
            return ExitCode.OK.code;
        }
    }
}
