package parley.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * UTF-8 that refuses what cannot be encoded or decoded instead of substituting {@code '?'} or U+FFFD, as
 * {@code String.getBytes} and {@code new String(bytes, UTF_8)} silently do: a message must arrive as it was typed,
 * or not at all.
 */
public final class StrictUtf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private StrictUtf8() {}

    /**
     * @throws IllegalArgumentException naming the index of the first lone surrogate
     */
    public static byte[] encode(String text) {
        int loneSurrogate = firstLoneSurrogate(text);
        if (loneSurrogate >= 0) {
            throw new IllegalArgumentException("text is not valid Unicode: lone surrogate at index " + loneSurrogate);
        }
        // a lone surrogate is the only thing getBytes would substitute, and there is none
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text, or empty when {@code bytes} are not well-formed UTF-8 (overlong forms and surrogates included). */
    public static Optional<String> decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** As {@link #decode(byte[])}, for {@code length} bytes from {@code offset}. */
    public static Optional<String> decode(byte[] bytes, int offset, int length) {
        // the JDK's own decoder replaces every ill-formed sequence (overlong forms and surrogates included) with
        // U+FFFD; without one in the result the bytes were well-formed, and the strict decoder is needed only to
        // tell a replaced sequence from a U+FFFD that was really sent
        String lenient = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (lenient.indexOf(REPLACEMENT) < 0) {
            return Optional.of(lenient);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} has no lone surrogate, i.e. can be written as UTF-8. */
    public static boolean isValid(String text) {
        return firstLoneSurrogate(text) < 0;
    }

    /** The UTF-8 length of valid text, without allocating it. */
    public static int length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
