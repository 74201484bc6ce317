package parley.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads stdin a line at a time for the JSON-RPC mode: at most {@link #MAX_BYTES} bytes per line (the rest of a
 * longer line is skipped, not buffered) and strict UTF-8, so a hostile or garbled line costs one error reply.
 */
final class LineInput {
    /** Far above any request (a message is at most 16 KiB of UTF-8, escaped at most 6x). */
    static final int MAX_BYTES = 1 << 20;

    /** One line read: its text, or why it could not be read. */
    sealed interface Read {
        record Line(String text) implements Read {}

        record Unreadable(String why) implements Read {}

        record End() implements Read {}
    }

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    LineInput(InputStream in) {
        this.in = in;
    }

    Read next() throws IOException {
        line.reset();
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit < 0) {
                    limit = 0;
                    if (line.size() == 0 && !tooLong) {
                        return new Read.End();
                    }
                    return finish(tooLong); // a last line without its newline
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (!tooLong) {
                line.write(buffer, start, position - start);
                if (line.size() > MAX_BYTES) {
                    tooLong = true;
                    line.reset();
                }
            }
            if (position < limit) {
                position++; // the newline
                return finish(tooLong);
            }
        }
    }

    private Read finish(boolean tooLong) {
        if (tooLong) {
            return new Read.Unreadable("the line is longer than " + MAX_BYTES + " bytes");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line.toByteArray()))
                    .toString();
            return new Read.Line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        } catch (CharacterCodingException e) {
            return new Read.Unreadable("the line is not valid UTF-8");
        }
    }
}
