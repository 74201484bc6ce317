package parley.ui.kit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's text cut into runs to draw: plain text, emoji (drawn with {@link EmojiFont}) and links (http and
 * https only: a message must not be able to open a file or run a program).
 */
public final class MessageText {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    /** Trailing punctuation belongs to the sentence, not the link. */
    private static final String TRAILING = ".,;:!?)]}'";

    public sealed interface Run {
        String text();
    }

    public record Plain(String text) implements Run {}

    public record Emoji(String text) implements Run {}

    public record Link(String text, URI target) implements Run {}

    private MessageText() {}

    public static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            Optional<URI> target = uri(text.substring(m.start(), end));
            if (target.isEmpty()) {
                continue;
            }
            splitEmoji(text.substring(at, m.start()), runs);
            runs.add(new Link(text.substring(m.start(), end), target.get()));
            at = end;
        }
        splitEmoji(text.substring(at), runs);
        return runs;
    }

    private static Optional<URI> uri(String candidate) {
        try {
            URI uri = new URI(candidate);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code text} cut into plain and emoji runs only (text being typed: its links are not clickable yet). */
    static List<Run> emojiRuns(String text) {
        List<Run> runs = new ArrayList<>();
        splitEmoji(text, runs);
        return runs;
    }

    private static void splitEmoji(String text, List<Run> runs) {
        StringBuilder current = new StringBuilder();
        boolean inEmoji = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean emoji = EmojiFont.isEmoji(cp);
            if (emoji != inEmoji && !current.isEmpty()) {
                runs.add(inEmoji ? new Emoji(current.toString()) : new Plain(current.toString()));
                current.setLength(0);
            }
            inEmoji = emoji;
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (!current.isEmpty()) {
            runs.add(inEmoji ? new Emoji(current.toString()) : new Plain(current.toString()));
        }
    }
}
