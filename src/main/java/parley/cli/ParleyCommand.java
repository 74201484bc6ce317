package parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import parley.chat.ChatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley}: the command line face of the chat service. */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = ParleyCommand.Version.class,
        description = "Secure chat over an MQTT broker you run yourself.",
        subcommands = {InviteCommand.class, JoinCommand.class, ChatsCommand.class, SendCommand.class,
                DownloadCommand.class, SaveCommand.class, AutoDownloadCommand.class, ListenCommand.class, HistoryCommand.class,
                RenameCommand.class, DeleteCommand.class,
                SafetyCommand.class, VerifyCommand.class, RekeyCommand.class, PassphraseCommand.class,
                JsonRpcCommand.class, CheckCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error (a bug)", "2:wrong command line",
                "3:bad invite (malformed, cut off, expired, newer version)", "4:broker unreachable or refused us",
                "5:profile in use, locked or unreadable", "6:timed out waiting", "7:no such chat, or not ready",
                "8:the safety codes differ", "9:parley check found a failure"})
public final class ParleyCommand {
    final ProfileOpener opener;
    /** Where {@code -} reads from ({@code join -}, {@code send CHAT -}). */
    InputStream stdin = System.in;
    /** Whether stderr is a terminal: a transfer's progress then updates one line in place. */
    boolean stderrIsTerminal;

    @Option(names = "--profile", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Profile directory (default: $XDG_DATA_HOME/parley).")
    Path profile;

    @Option(names = "--passphrase-file", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "File holding the profile's passphrase (first line). Env: PARLEY_PASSPHRASE_FILE.")
    Path passphraseFile;

    @Option(names = "--broker", paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            description = "Your broker's mqtts:// URL (saved in the profile).")
    URI mqtts;

    @Option(names = "--wss", paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            description = "Your broker's wss:// URL for browsers (saved; put in invites).")
    URI wss;

    @Option(names = "--web", paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            description = "The web client's https:// URL (saved; invite links open it).")
    URI web;

    @Option(names = "--ca", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Extra CA certificate (PEM) to trust for your broker (--broker, --wss) and no other, "
                    + "besides the system's (saved).")
    Path ca;

    @Option(names = "--username", scope = CommandLine.ScopeType.INHERIT, description = "Username for your broker (saved); never sent to another broker an invite names.")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "File holding your broker's password (saved in the profile); sent to your broker only.")
    Path passwordFile;

    @Option(names = "--name", scope = CommandLine.ScopeType.INHERIT,
            description = "Your display name, shown to people you chat with (saved).")
    String displayName;

    public ParleyCommand(ProfileOpener opener) {
        this.opener = opener;
    }

    /** Runs the command line on the process's stdout and stderr and returns the exit code. */
    public static int run(ProfileOpener opener, String... args) {
        return run(opener, System.in, new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8), terminalOnStderr(), args);
    }

    /** Runs the command line writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(ProfileOpener opener, PrintWriter out, PrintWriter err, String... args) {
        return run(opener, System.in, out, err, args);
    }

    /** Runs the command line reading {@code -} arguments from {@code in}; returns the exit code. */
    public static int run(ProfileOpener opener, InputStream in, PrintWriter out, PrintWriter err, String... args) {
        return run(opener, in, out, err, false, args);
    }

    private static int run(ProfileOpener opener, InputStream in, PrintWriter out, PrintWriter err, boolean terminal,
            String... args) {
        ParleyCommand command = new ParleyCommand(opener);
        command.stdin = in;
        command.stderrIsTerminal = terminal;
        CommandLine cli = new CommandLine(command);
        // picocli would replace an argument "@name" by the words of a file called name: a message is never that
        cli.setExpandAtFiles(false);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            Throwable cause = unwrap(e);
            PrintWriter errors = line.getErr();
            errors.println("parley: " + TerminalText.escape(messageOf(cause)));
            errors.flush();
            ExitCode code = exitCodeOf(cause);
            if (code == ExitCode.INTERNAL) {
                cause.printStackTrace(errors);
            }
            return code.code;
        });
        return cli.execute(args);
    }

    /** Java cannot ask isatty(2); on Linux, fd 2 of a terminal links to a tty device. */
    private static boolean terminalOnStderr() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not Linux, or no /proc: lines per 10% suit a log as well as a terminal
        }
    }

    ProfileOpener.OpenProfile open() {
        Optional<Path> passphrase = Optional.ofNullable(passphraseFile)
                .or(() -> Optional.ofNullable(System.getenv("PARLEY_PASSPHRASE_FILE")).map(Path::of));
        try {
            return opener.open(new ProfileRequest(Optional.ofNullable(profile), passphrase, Optional.ofNullable(mqtts),
                    Optional.ofNullable(wss), Optional.ofNullable(web), Optional.ofNullable(ca),
                    Optional.ofNullable(username), Optional.ofNullable(passwordFile), Optional.ofNullable(displayName)));
        } catch (CliFailure e) {
            throw e;
        } catch (Exception e) {
            throw new CliFailure(ExitCode.PROFILE, messageOf(e), e);
        }
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String messageOf(Throwable t) {
        Throwable u = unwrap(t);
        return u.getMessage() != null ? u.getMessage() : u.getClass().getSimpleName();
    }

    static ExitCode exitCodeOf(Throwable t) {
        return switch (unwrap(t)) {
            case CliFailure f -> f.exitCode();
            case ChatException c -> switch (c.problem()) {
                case BAD_INVITE -> ExitCode.BAD_INVITE;
                case UNKNOWN_CHAT, NOT_READY, BAD_TEXT, TOO_LARGE, FILE -> ExitCode.CHAT;
                case STORE -> ExitCode.PROFILE;
                case BROKER -> ExitCode.BROKER;
                case SAFETY_MISMATCH -> ExitCode.SAFETY_MISMATCH;
            };
            case CommandLine.ParameterException p -> ExitCode.USAGE;
            default -> ExitCode.INTERNAL;
        };
    }

    /** The version from the build (a filtered resource). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = ParleyCommand.class.getResourceAsStream("/parley/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"Parley " + p.getProperty("version", "(unknown version)") + " (protocol 1, Java "
                    + Runtime.version() + ")"};
        }
    }
}
