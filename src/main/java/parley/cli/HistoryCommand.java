package parley.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import parley.crypto.ChatId;
import parley.chat.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley history CHAT}: prints a chat's latest messages, oldest first, as JSON lines. */
@Command(name = "history", description = "Print a chat's latest messages as JSON lines, oldest first.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CHAT", description = "Chat id, id prefix or name.")
    String chat;

    @Option(names = "--limit", defaultValue = "50", description = "How many messages (default 50).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open()) {
            ChatId id = profile.chats().resolve(chat).join();
            List<Message> page = profile.chats().history(id, Long.MAX_VALUE, limit).join();
            for (Message m : page.reversed()) {
                out.println(TerminalText.json(JsonLines.message(m)));
            }
            profile.chats().markRead(id).join();
            out.flush();
            return ExitCode.OK.code;
        }
    }
}
