package parley.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void aLinkIsCutFromTheSentenceWithoutItsTrailingPunctuation() {
        assertThat(MessageText.runs("see https://example.org/a?b=1, then")).containsExactly(
                new MessageText.Plain("see "),
                new MessageText.Link("https://example.org/a?b=1", URI.create("https://example.org/a?b=1")),
                new MessageText.Plain(", then"));
    }

    @Test
    void onlyHttpAndHttpsBecomeLinks() {
        assertThat(MessageText.runs("file:///etc/passwd javascript:alert(1) ftp://x.org"))
                .containsExactly(new MessageText.Plain("file:///etc/passwd javascript:alert(1) ftp://x.org"));
    }

    @Test
    void emojiRunsKeepTheirJoinersAndSelectors() {
        // woman technologist: U+1F469 ZWJ U+1F4BB; heart with variation selector: U+2764 U+FE0F
        assertThat(MessageText.runs("hi 👩‍💻 and ❤️!")).containsExactly(
                new MessageText.Plain("hi "), new MessageText.Emoji("👩‍💻"), new MessageText.Plain(" and "),
                new MessageText.Emoji("❤️"), new MessageText.Plain("!"));
    }

    @Test
    void lettersDigitsAndPunctuationStayInTheTextFont() {
        assertThat(MessageText.runs("Ünïcode 123 #1 — fine")).containsExactly(new MessageText.Plain("Ünïcode 123 #1 — fine"));
    }
}
