package parley.app;

import java.lang.System.Logger.Level;

/** The one handler for exceptions nobody caught: logged with the thread's name, never swallowed. */
final class UncaughtFailures {
    private static final System.Logger LOG = System.getLogger("parley");

    private UncaughtFailures() {}

    static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) ->
                LOG.log(Level.ERROR, "uncaught failure on thread " + thread.getName(), failure));
    }
}
