package parley.ui.chatlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import parley.ui.kit.EmojiFont;
import parley.ui.kit.EmojiLine;

/** The chat list's one-line preview; Swing components, so built and asked on the event dispatch thread. */
class PreviewLineTest {

    private static String shown(List<EmojiLine.Piece> pieces) {
        return pieces.stream().map(EmojiLine.Piece::text).collect(Collectors.joining());
    }

    private static PreviewLine line(String text) {
        return GuiActionRunner.execute(() -> {
            PreviewLine line = new PreviewLine();
            line.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            line.setText(text);
            return line;
        });
    }

    private static List<EmojiLine.Piece> pieces(PreviewLine line, int room) {
        return GuiActionRunner.execute(() -> line.pieces(room));
    }

    private static int preferredWidth(PreviewLine line) {
        return GuiActionRunner.execute(() -> line.getPreferredSize().width);
    }

    @Test
    void aMessageThatFitsIsShownWholeOnOneLineWithEmojiInTheEmojiFont() {
        PreviewLine line = line("See you\nat 9 😀 ok");
        List<EmojiLine.Piece> pieces = pieces(line, 10_000);
        assertThat(shown(pieces)).isEqualTo("See you at 9 😀 ok");
        assertThat(pieces).extracting(p -> p.font().getFamily())
                .containsExactly(line.getFont().getFamily(), EmojiFont.family(), line.getFont().getFamily());
        assertThat(preferredWidth(line)).isLessThan(10_000).isPositive();
    }

    @Test
    void aLongMessageIsCutWithAnEllipsisWithinTheRow() {
        PreviewLine line = line("The trail map is here: https://example.org/trails/ridge-loop and more words after it");
        int room = preferredWidth(line) / 2;
        List<EmojiLine.Piece> pieces = pieces(line, room);
        String shown = shown(pieces);
        assertThat(shown).endsWith(EmojiLine.ELLIPSIS).startsWith("The trail map");
        assertThat(shown.length()).isLessThan(line.getText().length());
        int drawn = GuiActionRunner.execute(() -> pieces.stream()
                .mapToInt(p -> line.getFontMetrics(p.font()).stringWidth(p.text())).sum());
        assertThat(drawn).isLessThanOrEqualTo(room);
    }

    @Test
    void anEmojiIsNeverCutInHalf() {
        PreviewLine line = line("😀😀😀😀😀😀😀😀😀😀😀😀");
        for (int room = 0; room < preferredWidth(line); room += 3) {
            String shown = shown(pieces(line, room));
            String head = shown.substring(0, shown.length() - EmojiLine.ELLIPSIS.length());
            assertThat(head.codePoints().allMatch(cp -> cp == 0x1F600)).as("room %d: %s", room, shown).isTrue();
        }
    }
}
