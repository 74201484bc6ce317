package parley.cli;

/** The CLI's exit codes, distinct per kind of failure so scripts can tell them apart. */
public enum ExitCode {
    OK(0),
    /** A bug: the message says what went wrong. */
    INTERNAL(1),
    /** Wrong command line (picocli's own code). */
    USAGE(2),
    /** An invite link that is malformed, cut off, expired or for a newer Parley, or a join whose invite expired first. */
    BAD_INVITE(3),
    /** The broker could not be reached or refused us (TLS, credentials, ACL). */
    BROKER(4),
    /** The profile is in use, locked by a passphrase, or unreadable. */
    PROFILE(5),
    /** What we waited for did not happen in time (a join, a welcome, the broker taking a message). */
    TIMEOUT(6),
    /** No such chat, or the chat cannot do that yet. */
    CHAT(7),
    /** The safety codes differ: someone may be in the middle of the chat. */
    SAFETY_MISMATCH(8),
    /** {@code parley check} found something wrong with the deployment (each FAIL line says what). */
    CHECK_FAILED(9);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
