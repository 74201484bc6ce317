package parley.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The associated data that binds a sealed blob to its row: each part written as a 4-byte length and its UTF-8, so
 * no choice of ids can make two different rows produce the same bytes.
 */
final class AssociatedData {
    private AssociatedData() {}

    static byte[] chatState(String chatId) {
        return of("chat-state", chatId);
    }

    static byte[] setting(String key) {
        return of("setting", key);
    }

    static byte[] messageBody(String chatId, ProfileStore.Direction direction, String messageId) {
        return of("message-body", chatId, direction.name(), messageId);
    }

    static byte[] transfer(String chatId, ProfileStore.Direction direction, String messageId) {
        return of("transfer", chatId, direction.name(), messageId);
    }

    static byte[] dataKey() {
        return of("profile-data-key");
    }

    private static byte[] of(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePart(out, "parley-at-rest-v1");
        for (String part : parts) {
            writePart(out, part);
        }
        return out.toByteArray();
    }

    private static void writePart(ByteArrayOutputStream out, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
