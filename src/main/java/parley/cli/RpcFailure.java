package parley.cli;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * A JSON-RPC error reply: the protocol's own codes for requests Parley cannot read, and the CLI's exit codes
 * (3 bad invite ... 8 safety mismatch) for requests the chat service refused, so scripts see one set of numbers.
 */
final class RpcFailure extends RuntimeException {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;

    final int code;
    final Optional<JsonObject> data;

    RpcFailure(int code, String message) {
        this(code, message, Optional.empty());
    }

    RpcFailure(int code, String message, Optional<JsonObject> data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    /** The reply for what a method threw: its exit code and message, as the CLI would print them. */
    static RpcFailure of(Throwable thrown) {
        Throwable t = ParleyCommand.unwrap(thrown);
        if (t instanceof RpcFailure f) {
            return f;
        }
        ExitCode exit = ParleyCommand.exitCodeOf(t);
        JsonObject data = new JsonObject();
        data.addProperty("kind", exit.name().toLowerCase());
        return new RpcFailure(exit.code, ParleyCommand.messageOf(t), Optional.of(data));
    }

    JsonObject error() {
        JsonObject e = new JsonObject();
        e.addProperty("code", code);
        e.addProperty("message", getMessage());
        data.ifPresent(d -> e.add("data", d));
        return e;
    }
}
