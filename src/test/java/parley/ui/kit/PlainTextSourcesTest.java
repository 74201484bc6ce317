package parley.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps text from outside out of Swing's HTML renderer, the way LayeringTest keeps the layers: every label of the
 * desktop is a {@link PlainLabel}, every option pane's message is {@link PlainText#lines} (or a fixed markup label
 * of the app's own words), every list's tooltip is plain, and nothing else turns {@code html.disable} on or off.
 */
class PlainTextSourcesTest {
    private static final Path UI = Path.of(System.getProperty("parley.repo", "."), "src/main/java/parley/ui");
    private static final Pattern RAW_LABEL = Pattern.compile("new JLabel\\s*\\(|extends JLabel\\b|new JToolTip\\s*\\(");
    private static final Pattern OWN_MARKUP = Pattern.compile("PlainLabel\\.ownMarkup\\(\\s*+(?!\"|[A-Z][A-Z_]*\\s*\\))");
    /** The message argument of every JOptionPane.show...(parent, message, ...). */
    private static final Pattern OPTION_PANE = Pattern.compile(
            "JOptionPane\\.show\\w+\\(\\s*+[\\w.]++\\s*+,\\s*+(?!PlainText\\.lines\\(|PlainLabel\\.ownMarkup\\(\")");
    private static final Pattern HTML_SWITCH = Pattern.compile("\"html\\.disable\"|HTML_DISABLE");
    private static final Pattern LIST = Pattern.compile("new JList\\s*<");
    private static final Pattern HTML_PANE = Pattern.compile("JEditorPane|text/html|new JTable|new JTree|new JComboBox");

    @Test
    void textIsPutIntoComponentsOnlyThroughThePlainFactories() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> packages = new HashSet<>();
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                packages.add(UI.relativize(file.getParent()).toString());
                String name = file.getFileName().toString();
                String source = Files.readString(file);
                boolean factory = name.equals("PlainLabel.java") || name.equals("PlainText.java");
                if (!factory) {
                    find(RAW_LABEL, source, name, "builds a label or tooltip that renders HTML: use PlainLabel", violations);
                    find(HTML_SWITCH, source, name, "switches HTML rendering itself", violations);
                }
                find(OWN_MARKUP, source, name, "gives ownMarkup something other than a literal or a constant", violations);
                find(OPTION_PANE, source, name, "gives JOptionPane a message that is not PlainText.lines", violations);
                find(HTML_PANE, source, name, "uses a component that renders HTML cells or documents", violations);
                if (LIST.matcher(source).find() && !source.contains("PlainText.tip(super.createToolTip())")) {
                    violations.add(name + ": a JList whose tooltips are not plain (override createToolTip)");
                }
            }
        }
        assertThat(packages).as("the scan reaches every screen's package").contains("shell", "chatlist",
                "conversation", "invite", "settings", "kit", "qr");
        assertThat(violations).as("components that would read outside text as HTML").isEmpty();
    }

    /** The rules can fail: each pattern finds what it forbids. */
    @Test
    void theRulesCatchWhatTheyForbid() {
        assertThat(RAW_LABEL.matcher("JLabel l = new JLabel(chat.name());").find()).isTrue();
        assertThat(RAW_LABEL.matcher("final class Badge extends JLabel {").find()).isTrue();
        assertThat(OWN_MARKUP.matcher("PlainLabel.ownMarkup(chat.name())").find()).isTrue();
        assertThat(OWN_MARKUP.matcher("PlainLabel.ownMarkup(\"<html>a<br>b\")").find()).isFalse();
        assertThat(OPTION_PANE.matcher("JOptionPane.showMessageDialog(frame, \"Delete \" + name, ").find()).isTrue();
        assertThat(OPTION_PANE.matcher("JOptionPane.showConfirmDialog(this,\n   text,").find()).isTrue();
        assertThat(OPTION_PANE.matcher("JOptionPane.showMessageDialog(frame, PlainText.lines(text),").find()).isFalse();
        assertThat(HTML_SWITCH.matcher("label.putClientProperty(\"html.disable\", false);").find()).isTrue();
    }

    private static void find(Pattern pattern, String source, String file, String what, List<String> violations) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            int line = source.substring(0, m.start()).split("\n", -1).length;
            violations.add(file + ":" + line + " " + what);
        }
    }
}
