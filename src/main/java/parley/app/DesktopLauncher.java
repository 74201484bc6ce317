package parley.app;

import java.nio.file.Path;
import java.util.Optional;
import parley.store.ProfileDirectory;
import parley.ui.profile.DesktopProfile;
import parley.ui.shell.DesktopApp;

/**
 * Starts the desktop app: {@code parley} with no arguments, or {@code parley gui [--profile DIR] [--chat NAME]
 * [LINK]} ({@code --chat}: open that chat, named as the command line names chats, once the profile is open; LINK, a
 * {@code parley:} invite link: open the join dialog with it filled in). {@code parley LINK} is what the desktop entry
 * runs when a browser or mail client opens a {@code parley:} link (it registers the scheme). Start-up is kept
 * short: only system properties here, the window is built on the EDT and shown before the profile opens.
 */
public final class DesktopLauncher {
    static final String USAGE = "parley gui [--profile DIR] [--chat NAME] [parley:LINK]";
    /** The URL scheme of invite links, which the desktop entry registers (x-scheme-handler/parley). */
    static final String SCHEME = "parley:";

    private DesktopLauncher() {}

    /** Whether {@code args} ask for the desktop app rather than a command. */
    static boolean wants(String[] args) {
        return args.length == 0 || args[0].equals("gui") || args[0].startsWith(SCHEME);
    }

    static int launch(String[] args) {
        Optional<Path> profile = Optional.empty();
        Optional<String> chat = Optional.empty();
        Optional<String> link = Optional.empty();
        for (int i = args.length > 0 && args[0].equals("gui") ? 1 : 0; i < args.length; i++) {
            if (args[i].equals("--profile") && i + 1 < args.length) {
                profile = Optional.of(Path.of(args[++i]));
            } else if (args[i].startsWith("--profile=")) {
                profile = Optional.of(Path.of(args[i].substring("--profile=".length())));
            } else if (args[i].equals("--chat") && i + 1 < args.length) {
                chat = Optional.of(args[++i]);
            } else if (args[i].startsWith("--chat=")) {
                chat = Optional.of(args[i].substring("--chat=".length()));
            } else if (args[i].startsWith(SCHEME) && link.isEmpty()) {
                link = Optional.of(args[i]);
            } else {
                // an option is named; anything else may be an invite link, whose fragment is the invite's secret
                String which = args[i].startsWith("-") ? "'" + args[i] + "'" : "number " + (i + 1);
                System.err.println("parley gui: unknown argument " + which + " (usage: " + USAGE + ")");
                return 2;
            }
        }
        // text anti-aliasing and HiDPI come from the desktop; these keep Swing from guessing worse
        System.setProperty("awt.useSystemAAFontSettings", System.getProperty("awt.useSystemAAFontSettings", "lcd"));
        System.setProperty("swing.aatext", "true");
        System.setProperty("sun.java2d.opengl", System.getProperty("sun.java2d.opengl", "false"));
        DesktopApp.launch(profileAt(profile.orElseGet(ProfileDirectory::defaultDirectory)),
                DesktopApp.Options.forLaunch(chat, link));
        return -1; // the app exits the JVM when its window closes
    }

    /** The desktop's view of the profile in {@code dir}: what the app and the GUI tests open. */
    public static DesktopProfile profileAt(Path dir) {
        return new DesktopProfileWiring(dir);
    }
}
