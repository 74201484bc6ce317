package parley.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import parley.chat.Attachment;
import parley.chat.Message;
import parley.chat.TransferState;
import parley.crypto.ChatId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley download CHAT MESSAGE}: fetches a received file larger than the automatic download size (or a
 * paused one), showing progress, until it is complete.
 */
@Command(name = "download", description = {"Fetch a file you were offered that is larger than the automatic "
        + "download size, or resume a paused one; progress on stderr. Waits until it is complete, then "
        + "parley save writes it out."})
final class DownloadCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    FileMessageArguments file;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop waiting after this long (exit code 6); the download continues the next time "
                    + "Parley runs. Default: until it is complete.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open();
             EventWaiter events = new EventWaiter(profile.chats())) {
            FileMessageArguments.Found found = file.find(profile.chats());
            ChatId id = found.chat();
            Message m = found.message();
            Attachment a = found.file();
            if (m.outgoing()) {
                throw new CliFailure(ExitCode.CHAT, "message " + m.id() + " is a file you sent: parley save writes "
                        + "it out");
            }
            if (a.state() != TransferState.COMPLETE) {
                profile.chats().files().download(id, m.id()).join();
                // as it is now: a failed one starts again from scratch, so its old state is no longer the news
                Attachment started = FileMessages.attachmentOf(MessageLookup.find(profile.chats(), id, m.id().value()));
                a = TransferWait.await(events, m, started, Set.of(TransferState.COMPLETE),
                        Set.of(TransferState.FAILED, TransferState.GONE), Optional.ofNullable(timeout),
                        new ProgressLine(spec.commandLine().getErr(), parent.stderrIsTerminal, "downloading",
                                started.name()));
            }
            out.println(m.id() + " " + a.state().name().toLowerCase());
            out.flush();
            return ExitCode.OK.code;
        }
    }
}
