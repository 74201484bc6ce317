package parley.cli;

import parley.chat.ChatService;

/** Opens a profile and its chat service; the app wires store and transport behind it. */
@FunctionalInterface
public interface ProfileOpener {
    OpenProfile open(ProfileRequest request) throws Exception;

    /** An open profile: closing it closes the chat service, its connections and the store, in that order. */
    interface OpenProfile extends AutoCloseable {
        ChatService chats();

        /** Sets, changes ({@code Optional.of}) or removes ({@code Optional.empty()}) the at-rest passphrase. */
        void changePassphrase(java.util.Optional<char[]> passphrase);

        @Override
        void close();
    }
}
