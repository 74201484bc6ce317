package parley.cli;

import parley.chat.Attachment;
import parley.chat.FileSizes;
import parley.chat.Message;
import parley.chat.TransferState;

/** A message that carries a file, in words: what {@code save} and {@code download} say about it. */
final class FileMessages {
    private FileMessages() {}

    /** The file {@code m} carries; a message without one ends the command with exit code 7. */
    static Attachment attachmentOf(Message m) {
        return m.attachment().orElseThrow(() -> new CliFailure(ExitCode.CHAT, "message " + m.id()
                + " is a text, not a file"));
    }

    /** "[file] holiday.jpg (2.4 MB) complete": how listen, history and jsonrpc show a file instead of its text. */
    static String summary(Attachment a) {
        return "[file] " + a.name() + " (" + FileSizes.describe(a.size()) + ") " + a.state().name().toLowerCase();
    }

    /** Why a received file cannot be saved yet, and what to do about it. */
    static String notYetHere(Attachment a) {
        String name = TerminalText.escape(a.name());
        String far = a.chunksHeld() + " of " + a.chunkCount() + " parts (" + ProgressLine.percent(a.chunksHeld(),
                a.chunkCount()) + "%)";
        return switch (a.state()) {
            case OFFERED -> name + " (" + FileSizes.describe(a.size()) + ") is larger than the automatic download "
                    + "size and not fetched yet: start it with parley download";
            case DOWNLOADING -> name + " has not arrived whole yet: " + far + "; wait for it with parley listen "
                    + "(it says when the file is complete)";
            case PAUSED -> name + " is paused at " + far + ": resume it with parley download";
            case FAILED -> name + " did not match what was announced and was discarded: "
                    + a.problem().orElse("fetch it again with parley download");
            case GONE -> name + " is no longer offered by your friend: " + far + " had arrived";
            default -> name + " is " + a.state().name().toLowerCase();
        };
    }

    static boolean complete(Message m, Attachment a) {
        return m.outgoing() || a.state() == TransferState.COMPLETE;
    }
}
