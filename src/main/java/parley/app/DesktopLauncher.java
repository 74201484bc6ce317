package parley.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import parley.store.ProfileDirectory;
import parley.ui.profile.DesktopProfile;
import parley.ui.settings.FirstRunDefaults;
import parley.ui.shell.DesktopApp;

/**
 * Starts the desktop app: {@code parley} with no arguments, or {@code parley gui [--profile DIR] [--chat NAME]
 * [LINK]} ({@code --chat}: open that chat, named as the command line names chats, once the profile is open; LINK, a
 * {@code parley:} invite link: open the join dialog with it filled in). {@code parley LINK} is what the desktop entry
 * runs when a browser or mail client opens a {@code parley:} link (it registers the scheme). Start-up is kept
 * short: only system properties here, the window is built on the EDT and shown before the profile opens.
 */
public final class DesktopLauncher {
    static final String USAGE = "parley gui [--profile DIR] [--chat NAME] [--server URL] [--web URL] [--ca FILE]"
            + " [parley:LINK]";
    /** Options with a value; --server, --web and --ca only start the first run's form (scripts/run passes them). */
    private static final java.util.Set<String> VALUED = java.util.Set.of("--profile", "--chat", "--server", "--web",
            "--ca");
    /** The URL scheme of invite links, which the desktop entry registers (x-scheme-handler/parley). */
    static final String SCHEME = "parley:";

    private DesktopLauncher() {}

    /** Whether {@code args} ask for the desktop app rather than a command. */
    static boolean wants(String[] args) {
        return args.length == 0 || args[0].equals("gui") || args[0].startsWith(SCHEME);
    }

    /** What {@code parley gui ...} asked for. */
    record Arguments(Optional<Path> profile, Optional<String> chat, Optional<String> link, FirstRunDefaults firstRun) {
        @Override
        public String toString() {
            return "Arguments[profile=" + profile + ", chat=" + chat.isPresent() + ", link=" + link.isPresent() + "]";
        }
    }

    /** Reads the arguments; an unknown one is refused by position only (it may be a link, whose fragment is secret). */
    static Arguments parse(String[] args) {
        Optional<Path> profile = Optional.empty();
        Optional<String> chat = Optional.empty();
        Optional<String> link = Optional.empty();
        Map<String, String> firstRun = new HashMap<>();
        for (int i = args.length > 0 && args[0].equals("gui") ? 1 : 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (VALUED.contains(option) && (arg.contains("=") || i + 1 < args.length)) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : args[++i];
                switch (option) {
                    case "--profile" -> profile = Optional.of(Path.of(value));
                    case "--chat" -> chat = Optional.of(value);
                    default -> firstRun.put(option, value);
                }
            } else if (arg.startsWith(SCHEME) && link.isEmpty()) {
                link = Optional.of(arg);
            } else {
                String which = arg.startsWith("-") ? "'" + arg + "'" : "number " + (i + 1);
                throw new IllegalArgumentException("unknown argument " + which + " (usage: " + USAGE + ")");
            }
        }
        return new Arguments(profile, chat, link, new FirstRunDefaults(Optional.ofNullable(firstRun.get("--server")),
                Optional.ofNullable(firstRun.get("--web")), Optional.ofNullable(firstRun.get("--ca"))));
    }

    static int launch(String[] args) {
        Arguments a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("parley gui: " + e.getMessage());
            return 2;
        }
        // text anti-aliasing and HiDPI come from the desktop; these keep Swing from guessing worse
        System.setProperty("awt.useSystemAAFontSettings", System.getProperty("awt.useSystemAAFontSettings", "lcd"));
        System.setProperty("swing.aatext", "true");
        System.setProperty("sun.java2d.opengl", System.getProperty("sun.java2d.opengl", "false"));
        DesktopApp.launch(profileAt(a.profile().orElseGet(ProfileDirectory::defaultDirectory)),
                DesktopApp.Options.forLaunch(a.chat(), a.link(), a.firstRun()));
        return -1; // the app exits the JVM when its window closes
    }

    /** The desktop's view of the profile in {@code dir}: what the app and the GUI tests open. */
    public static DesktopProfile profileAt(Path dir) {
        return new DesktopProfileWiring(dir);
    }
}
