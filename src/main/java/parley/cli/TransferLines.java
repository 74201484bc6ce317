package parley.cli;

import java.util.HashMap;
import java.util.Map;
import parley.chat.ChatEvent;
import parley.chat.TransferState;
import parley.crypto.MessageId;

/**
 * Which of a file's progress events {@code listen} prints: every change of state, and progress at most once per
 * 10% step, so a 100 MiB file makes a dozen lines, not 1,600. (The JSON-RPC mode writes every change: a bot may
 * want the exact count.) Used on the one thread that writes lines.
 */
final class TransferLines {
    private record Shown(TransferState state, int step) {}

    private final Map<MessageId, Shown> shown = new HashMap<>();

    /** Whether this change is worth a line; records it as shown if so. */
    boolean worthALine(ChatEvent.TransferChanged change) {
        Shown now = new Shown(change.attachment().state(),
                ProgressLine.percent(change.attachment().chunksHeld(), change.attachment().chunkCount()) / 10);
        Shown before = shown.get(change.message());
        if (before != null && before.state() == now.state() && now.step() <= before.step()) {
            return false;
        }
        shown.put(change.message(), now);
        return true;
    }
}
