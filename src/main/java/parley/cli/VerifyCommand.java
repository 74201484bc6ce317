package parley.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import parley.crypto.ChatId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley verify CHAT CODE}: marks the chat verified when CODE is its safety code. */
@Command(name = "verify", description = {
        "Mark a chat verified: CODE is your friend's safety code (20 digits, spaces allowed, or the scanned",
        "parley-safety:1:... text). Exits 8 with an explanation when the codes differ."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHAT")
    String chat;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CODE",
            description = "The code; its five groups may be given as separate words.")
    java.util.List<String> code;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open()) {
            ChatId id = profile.chats().resolve(chat).join();
            profile.chats().verify(id, String.join(" ", code)).join();
            out.println("verified: " + id);
            out.flush();
            return ExitCode.OK.code;
        }
    }
}
