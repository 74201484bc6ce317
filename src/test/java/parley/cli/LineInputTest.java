package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineInputTest {
    @Test
    void linesComeOneAtATimeAndALastLineNeedsNoNewline() throws Exception {
        assertThat(readAll("one\r\ntwo ✓\n\nlast".getBytes(StandardCharsets.UTF_8))).containsExactly(
                new LineInput.Read.Line("one"), new LineInput.Read.Line("two ✓"), new LineInput.Read.Line(""),
                new LineInput.Read.Line("last"));
    }

    @Test
    void anOverlongLineAndBadUtf8CostOneErrorEachAndReadingGoesOn() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(new byte[LineInput.MAX_BYTES + 10_000]);
        in.write('\n');
        in.write(new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
        in.write("after\n".getBytes(StandardCharsets.UTF_8));
        List<LineInput.Read> reads = readAll(in.toByteArray());
        assertThat(reads).hasSize(3);
        assertThat(reads.get(0)).isEqualTo(new LineInput.Read.Unreadable("the line is longer than 1048576 bytes"));
        assertThat(reads.get(1)).isEqualTo(new LineInput.Read.Unreadable("the line is not valid UTF-8"));
        assertThat(reads.get(2)).isEqualTo(new LineInput.Read.Line("after"));
    }

    private static List<LineInput.Read> readAll(byte[] bytes) throws Exception {
        LineInput input = new LineInput(new ByteArrayInputStream(bytes));
        List<LineInput.Read> reads = new ArrayList<>();
        for (LineInput.Read r = input.next(); !(r instanceof LineInput.Read.End); r = input.next()) {
            reads.add(r);
        }
        return reads;
    }
}
