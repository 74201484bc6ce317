package parley.chat;

/** A command the chat service refused, with a message for the user. */
public final class ChatException extends RuntimeException {
    public enum Problem { UNKNOWN_CHAT, NOT_READY, BAD_TEXT, BAD_INVITE, STORE, BROKER, SAFETY_MISMATCH, TOO_LARGE, FILE }

    private final Problem problem;

    public ChatException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public ChatException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
