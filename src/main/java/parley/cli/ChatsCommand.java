package parley.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import parley.chat.Chat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley chats}: lists the profile's chats and open invites. */
@Command(name = "chats", description = "List your chats and open invites.")
final class ChatsCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open()) {
            List<Chat> chats = profile.chats().chats().join();
            if (chats.isEmpty() && !json) {
                out.println("no chats yet: 'parley invite' makes one, 'parley join LINK' joins one");
            }
            for (Chat c : chats) {
                if (json) {
                    out.println(TerminalText.json(JsonLines.chat(c)));
                } else {
                    out.printf("%-12s  %-8s  %3d unread  %s%s%n", c.id(), c.phase().name().toLowerCase(),
                            c.unread(), TerminalText.escape(c.name()), c.verified() ? "  [verified]" : "");
                }
            }
            out.flush();
            return ExitCode.OK.code;
        }
    }
}
