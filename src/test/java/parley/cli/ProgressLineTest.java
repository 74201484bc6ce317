package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.chat.Attachment;
import parley.chat.ChatEvent;
import parley.chat.TransferState;
import parley.crypto.ChatId;
import parley.crypto.MessageId;

class ProgressLineTest {
    private static Attachment at(int held, int count) {
        return at(held, count, TransferState.SENDING);
    }

    private static Attachment at(int held, int count, TransferState state) {
        return new Attachment("holiday.jpg", count * 65_536L, "image/jpeg", state, held, count, Optional.empty());
    }

    @Test
    void theLineSaysPartsAndWholePercent() {
        assertThat(ProgressLine.format("sending", "holiday.jpg", 12, 39)).isEqualTo("sending holiday.jpg: 12/39 parts (30%)");
        assertThat(ProgressLine.format("downloading", "a", 38, 39)).endsWith("38/39 parts (97%)");
        assertThat(ProgressLine.format("downloading", "a", 39, 39)).endsWith("(100%)");
        assertThat(ProgressLine.format("sending", "\u001b]0;x\u0007.jpg", 0, 1)).isEqualTo("sending \\u001b]0;x\\u0007.jpg: 0/1 parts (0%)");
    }

    @Test
    void notOnATerminalOneLinePerTenPercent() {
        StringWriter err = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(err), false, "sending", "holiday.jpg");
        for (int held = 0; held <= 39; held++) {
            line.update(at(held, 39));
            line.update(at(held, 39));
        }
        line.finish();
        assertThat(err.toString().lines()).containsExactly("sending holiday.jpg: 0/39 parts (0%)",
                "sending holiday.jpg: 4/39 parts (10%)", "sending holiday.jpg: 8/39 parts (20%)",
                "sending holiday.jpg: 12/39 parts (30%)", "sending holiday.jpg: 16/39 parts (41%)",
                "sending holiday.jpg: 20/39 parts (51%)", "sending holiday.jpg: 24/39 parts (61%)",
                "sending holiday.jpg: 28/39 parts (71%)", "sending holiday.jpg: 32/39 parts (82%)",
                "sending holiday.jpg: 36/39 parts (92%)", "sending holiday.jpg: 39/39 parts (100%)");
        assertThat(err.toString()).doesNotContain("\r");
    }

    @Test
    void onATerminalOneLineUpdatedInPlace() {
        StringWriter err = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(err), true, "downloading", "holiday.jpg");
        line.update(at(0, 12));
        line.update(at(0, 12));
        line.update(at(11, 12));
        line.update(at(12, 12));
        line.finish();
        assertThat(err.toString()).isEqualTo("\rdownloading holiday.jpg: 0/12 parts (0%)"
                + "\rdownloading holiday.jpg: 11/12 parts (91%)"
                + "\rdownloading holiday.jpg: 12/12 parts (100%)" + System.lineSeparator());
    }

    @Test
    void listenPrintsEachStateAndAtMostEveryTenPercent() {
        TransferLines lines = new TransferLines();
        ChatId chat = ChatId.random();
        MessageId id = MessageId.random();
        int printed = 0;
        for (int held = 0; held <= 100; held++) {
            if (lines.worthALine(new ChatEvent.TransferChanged(chat, id, at(held, 100, TransferState.DOWNLOADING)))) {
                printed++;
            }
        }
        assertThat(printed).isEqualTo(11);
        assertThat(lines.worthALine(new ChatEvent.TransferChanged(chat, id, at(100, 100, TransferState.COMPLETE))))
                .as("a new state").isTrue();
        assertThat(lines.worthALine(new ChatEvent.TransferChanged(chat, MessageId.random(), at(0, 100,
                TransferState.OFFERED)))).as("another file").isTrue();
    }
}
