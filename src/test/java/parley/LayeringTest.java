package parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers honest: each package imports only the packages its row allows (docs/architecture.md), and nothing but
 * the desktop face touches Swing or AWT windows.
 */
class LayeringTest {
    private static final Path MAIN = Path.of(System.getProperty("parley.repo", "."), "src/main/java/parley");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+?)\\.(?:[A-Z*][\\w.*]*);", Pattern.MULTILINE);
    private static final Pattern INLINE = Pattern.compile("\\bparley\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");

    /** Which parley packages each package may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("crypto", Set.of()),
            Map.entry("text", Set.of()),
            Map.entry("protocol", Set.of("crypto", "text")),
            Map.entry("invite", Set.of("crypto", "text")),
            Map.entry("invite.qr", Set.of("invite", "crypto")),
            Map.entry("transport", Set.of("crypto", "transport.wss", "transport.guard")),
            Map.entry("transport.wss", Set.of("transport.guard")),
            Map.entry("transport.guard", Set.of()),
            Map.entry("authz", Set.of("crypto")),
            Map.entry("store", Set.of("crypto")),
            Map.entry("chat", Set.of("crypto", "protocol", "invite", "text", "transport", "store")),
            Map.entry("check", Set.of("crypto", "transport")),
            Map.entry("cli", Set.of("chat", "check", "crypto", "invite", "invite.qr", "protocol", "text")),
            Map.entry("ui", Set.of("chat", "crypto", "invite", "invite.qr", "text")),
            Map.entry("app", Set.of("chat", "cli", "crypto", "invite", "invite.qr", "protocol", "text", "transport", "store",
                    "ui")));

    /** The desktop's shared parts: every screen may use them, they use no screen. */
    private static final Set<String> UI_SHARED = Set.of("ui.threads", "ui.kit", "ui.profile", "ui.qr");

    /**
     * Which {@code ui} sub-packages each {@code ui} sub-package may use; all of them are the {@code ui} row above to the
     * rest of Parley. Screens do not use each other; the shell puts them together.
     */
    private static final Map<String, Set<String>> UI_ALLOWED = Map.of(
            "ui.threads", Set.of(),
            "ui.kit", Set.of("ui.threads"),
            "ui.profile", Set.of(),
            "ui.qr", Set.of("ui.threads", "ui.kit"),
            "ui.chatlist", UI_SHARED,
            // the one arrow back up: the open chat reports to the shell's StatusLine and labels a button by AppAction
            "ui.conversation", with(UI_SHARED, "ui.shell"),
            "ui.invite", UI_SHARED,
            "ui.settings", UI_SHARED,
            "ui.shell", with(UI_SHARED, "ui.chatlist", "ui.conversation", "ui.invite", "ui.settings"));

    /** Third-party libraries per package: everything else may use only the JDK. */
    private static final Map<String, Set<String>> LIBRARIES = Map.ofEntries(
            Map.entry("crypto", Set.of("org.bouncycastle")),
            Map.entry("protocol", Set.of("com.google.gson")),
            Map.entry("invite.qr", Set.of("com.google.zxing")),
            Map.entry("store", Set.of("org.h2")),
            Map.entry("transport", Set.of("org.eclipse.paho")),
            Map.entry("transport.wss", Set.of("org.eclipse.paho")),
            Map.entry("check", Set.of("org.eclipse.paho")),
            Map.entry("chat", Set.of("com.google.gson")),
            Map.entry("authz", Set.of("com.sun.net.httpserver")),
            Map.entry("cli", Set.of("picocli", "com.google.gson")),
            Map.entry("ui", Set.of("com.formdev.flatlaf")),
            Map.entry("app", Set.of("com.google.gson", "picocli")));

    private static final List<String> SWING = List.of("javax.swing", "java.awt.event", "java.awt.Frame", "java.awt.Window",
            "java.awt.Robot", "java.awt.Toolkit");

    @Test
    void everyPackageImportsOnlyWhatItsLayerAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                String row = row(pkg);
                String source = Files.readString(file);
                if (row.equals("ui") && !UI_ALLOWED.containsKey(pkg)) {
                    violations.add(file.getFileName() + " (" + pkg + ") is in a ui package with no row in UI_ALLOWED");
                }
                Set<String> libraries = LIBRARIES.getOrDefault(row, Set.of());
                Matcher m = IMPORT.matcher(source);
                while (m.find()) {
                    String imported = m.group(1);
                    if (imported.startsWith("parley.")) {
                        String target = imported.substring("parley.".length());
                        if (!mayUse(pkg, target)) {
                            violations.add(file.getFileName() + " (" + pkg + ") imports parley." + target);
                        }
                    } else if (!imported.startsWith("java.") && !imported.startsWith("javax.")
                            && libraries.stream().noneMatch(imported::startsWith)) {
                        violations.add(file.getFileName() + " (" + pkg + ") uses library " + imported);
                    }
                    // the desktop face is the one package that draws windows
                    if (!row.equals("app") && !row.equals("ui") && SWING.stream().anyMatch(imported::startsWith)) {
                        violations.add(file.getFileName() + " (" + pkg + ") imports UI toolkit " + imported);
                    }
                }
                Matcher inline = INLINE.matcher(source);
                while (inline.find()) {
                    String target = inline.group(1);
                    if (!mayUse(pkg, target)) {
                        violations.add(file.getFileName() + " (" + pkg + ") names parley." + target + " inline");
                    }
                }
            }
        }
        assertThat(violations).as("imports across layers").isEmpty();
    }

    /** The rules can fail: a back-arrow between ui sub-packages, or from a lower layer into any of them, is refused. */
    @Test
    void theUiRowsRefuseBackArrows() {
        assertThat(mayUse("ui.kit", "ui.shell")).isFalse();
        assertThat(mayUse("ui.chatlist", "ui.conversation")).isFalse();
        assertThat(mayUse("chat", "ui.shell")).isFalse();
        assertThat(mayUse("ui.settings", "store")).isFalse();
        assertThat(mayUse("ui.shell", "ui.chatlist")).isTrue();
        assertThat(mayUse("app", "ui.shell")).isTrue();
        assertThat(mayUse("ui.conversation", "chat")).isTrue();
    }

    /** Every {@code ui.*} sub-package is the {@code ui} row to the rest of Parley. */
    private static String row(String pkg) {
        return pkg.startsWith("ui.") ? "ui" : pkg;
    }

    private static boolean mayUse(String pkg, String target) {
        if (target.equals(pkg)) {
            return true;
        }
        if (row(pkg).equals("ui") && row(target).equals("ui")) {
            return UI_ALLOWED.getOrDefault(pkg, Set.of()).contains(target);
        }
        return ALLOWED.getOrDefault(row(pkg), Set.of()).contains(row(target));
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
