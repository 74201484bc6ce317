package parley.app;

import parley.cli.ParleyCommand;

/** Parley's entry point: the desktop app with no arguments or {@code gui}, else the command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        LoggingSetup.configure(System.getenv("PARLEY_LOG"));
        UncaughtFailures.install();
        if (DesktopLauncher.wants(args)) {
            int code = DesktopLauncher.launch(args);
            if (code >= 0) {
                System.exit(code);
            }
            return;
        }
        int code = ParleyCommand.run(new ProfileWiring(), args);
        System.exit(code);
    }
}
