package parley.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * The file a message carries (docs/protocol.md section 9), as the faces show it: what its manifest says and how
 * far its transfer is. {@code toString} leaves the name out, like a message's text.
 */
public record Attachment(String name, long size, String mediaType, TransferState state, int chunksHeld,
        int chunkCount, Optional<String> problem) {
    /** Largest file Parley sends or accepts (docs/protocol.md section 9.3). */
    public static final long MAX_SIZE = 100L * 1024 * 1024;

    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(problem, "problem");
        if (chunksHeld < 0 || chunksHeld > chunkCount) {
            throw new IllegalArgumentException("chunksHeld must be 0 to " + chunkCount + ", not " + chunksHeld);
        }
    }

    /** True for the formats a face shows inline (checked against the file's bytes before it is decoded). */
    public boolean isImage() {
        return switch (mediaType) {
            case "image/png", "image/jpeg", "image/gif" -> true;
            default -> false;
        };
    }

    /** 0 to 1: chunks the receiver holds (for a sender: what the receiver said it holds) out of all. */
    public double progress() {
        return chunkCount == 0 ? 0 : (double) chunksHeld / chunkCount;
    }

    @Override
    public String toString() {
        return "Attachment[size=" + size + ", type=" + mediaType + ", state=" + state + ", " + chunksHeld + "/"
                + chunkCount + problem.map(p -> ", problem").orElse("") + "]";
    }
}
