package parley.app;

import parley.cli.ParleyCommand;

/** Parley's entry point: the command line (the desktop app joins here when it lands). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        LoggingSetup.configure(System.getenv("PARLEY_LOG"));
        UncaughtFailures.install();
        int code = ParleyCommand.run(new ProfileWiring(), args);
        System.exit(code);
    }
}
