package parley.cli;

import java.util.ArrayList;
import java.util.List;
import parley.chat.ChatService;
import parley.chat.Message;
import parley.crypto.ChatId;

/**
 * Finds a message of a chat by what the user typed: its id (as {@code listen}, {@code history} and {@code send}
 * print it) or a unique prefix of it, reading the history page by page from the newest.
 */
final class MessageLookup {
    static final int MIN_PREFIX = 4;
    private static final int PAGE = 500;

    private MessageLookup() {}

    static Message find(ChatService chats, ChatId chat, String typed) {
        String wanted = typed.strip();
        if (wanted.length() < MIN_PREFIX) {
            throw new CliFailure(ExitCode.USAGE, "give the message id (as listen or history print it), or at least "
                    + MIN_PREFIX + " of its first characters");
        }
        List<Message> matches = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<Message> page = chats.history(chat, before, PAGE).join();
            for (Message m : page) {
                if (m.id().value().equals(wanted)) {
                    return m;
                }
                if (m.id().value().startsWith(wanted)) {
                    matches.add(m);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            before = page.getLast().ordinal();
        }
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        throw new CliFailure(ExitCode.CHAT, matches.isEmpty()
                ? "no message " + TerminalText.escape(wanted) + " in this chat"
                : "message id " + TerminalText.escape(wanted) + " fits " + matches.size() + " messages: give more of it");
    }
}
