package parley.cli;

import parley.chat.Attachment;
import parley.chat.ChatService;
import parley.chat.Message;
import parley.crypto.ChatId;
import picocli.CommandLine.Parameters;

/** The {@code CHAT MESSAGE} arguments of {@code download} and {@code save}: a chat and one of its file messages. */
final class FileMessageArguments {
    @Parameters(index = "0", paramLabel = "CHAT", description = "Chat id, id prefix or name.")
    String chat;

    @Parameters(index = "1", paramLabel = "MESSAGE", description = "The file's message id (as listen and history "
            + "print it), or a unique prefix of it.")
    String message;

    /** A file message found: its chat, the message, and its file as the history has it now. */
    record Found(ChatId chat, Message message, Attachment file) {}

    Found find(ChatService chats) {
        ChatId id = chats.resolve(chat).join();
        Message m = MessageLookup.find(chats, id, message);
        return new Found(id, m, FileMessages.attachmentOf(m));
    }
}
