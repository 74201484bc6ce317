package parley.app;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logging for the app: one short line per record on stderr, warnings and worse by default so the CLI's own
 * output stays readable; {@code PARLEY_LOG=info|debug} shows more (debug: Parley's and Paho's own records, not
 * the JDK's). Core code logs through System.Logger, which lands here. Lines go out redacted
 * ({@link RedactingFormatter}): Paho's debug records carry full inbox ids.
 */
final class LoggingSetup {
    private LoggingSetup() {}

    static void configure(String setting) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        Level level = switch (setting == null ? "" : setting.toLowerCase(Locale.ROOT)) {
            case "debug", "all" -> Level.FINE;
            case "info" -> Level.INFO;
            case "off" -> Level.OFF;
            default -> Level.WARNING;
        };
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new RedactingFormatter());
        console.setLevel(level);
        root.addHandler(console);
        boolean debug = level.intValue() <= Level.FINE.intValue();
        // debug is for Parley and its MQTT client; the JDK's own debug records (AWT, X11, ...) would drown them
        root.setLevel(debug ? Level.INFO : level);
        Logger.getLogger("parley").setLevel(level);
        // Paho logs connection drops we already report as states, at a level meant for its own debugging
        Logger.getLogger("org.eclipse.paho").setLevel(debug ? level : Level.SEVERE);
    }
}
