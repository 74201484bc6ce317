package parley.cli;

import java.util.concurrent.Callable;
import parley.crypto.ChatId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code parley rename CHAT NAME}. */
@Command(name = "rename", description = "Give a chat your own name for it.")
final class RenameCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Parameters(index = "0", paramLabel = "CHAT")
    String chat;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
        try (ProfileOpener.OpenProfile profile = parent.open()) {
            ChatId id = profile.chats().resolve(chat).join();
            profile.chats().rename(id, name).join();
            return ExitCode.OK.code;
        }
    }
}
