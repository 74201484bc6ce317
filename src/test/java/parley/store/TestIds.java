package parley.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import parley.crypto.ChatId;
import parley.crypto.MessageId;

/** Readable labels in tests turned into the typed ids the store takes: the same label gives the same id. */
public final class TestIds {
    private TestIds() {
    }

    public static ChatId chat(String label) {
        return new ChatId(encode(label, 9));
    }

    public static MessageId message(String label) {
        return new MessageId(encode(label, MessageId.BYTES));
    }

    public static MessageId[] messages(String... labels) {
        return java.util.Arrays.stream(labels).map(TestIds::message).toArray(MessageId[]::new);
    }

    private static String encode(String label, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
