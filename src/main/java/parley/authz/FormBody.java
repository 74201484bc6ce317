package parley.authz;

import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code application/x-www-form-urlencoded} body RabbitMQ posts. Strict: a name given twice, a pair
 * without {@code =}, bad percent-escapes or bad UTF-8 make the whole request unreadable, and the service denies it.
 */
final class FormBody {
    static final int MAX_BYTES = 16 * 1024;

    private FormBody() {
    }

    /** The fields of {@code body}; throws IllegalArgumentException naming what is wrong. */
    static Map<String, String> parse(byte[] body) {
        if (body.length > MAX_BYTES) throw new IllegalArgumentException("request body over " + MAX_BYTES + " bytes");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("request body is not UTF-8");
        }
        Map<String, String> fields = new HashMap<>();
        if (text.isEmpty()) return fields;
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("form field without a name or '='");
            String name = decode(pair.substring(0, eq));
            if (fields.putIfAbsent(name, decode(pair.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("form field '" + name + "' given twice");
            }
        }
        return fields;
    }

    private static String decode(String part) {
        String decoded = URLDecoder.decode(part, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') >= 0 && part.indexOf('\uFFFD') < 0) {
            throw new IllegalArgumentException("form field is not UTF-8 once unescaped");
        }
        return decoded;
    }
}
