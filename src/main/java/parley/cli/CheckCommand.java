package parley.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import parley.check.CheckLine;
import parley.check.Deployment;
import parley.check.DeploymentCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley check HOST}: probes a Parley deployment from outside and says what is right and wrong. */
@Command(name = "check", description = {
        "Probe a Parley server from any machine and print one line per check, 'ok' or",
        "'FAIL' with the reason; exit code 9 when anything failed. It checks each TLS",
        "endpoint (certificate chain and name, TLS 1.3/1.2 accepted, 1.1/1.0 refused);",
        "on the mqtts and the wss listener, that subscribers to #, /chats/#, +/+/+/+,",
        "$SYS/# and another client's inbox get nothing while the inbox's own subscriber",
        "gets the probe, that retained messages are not kept and oversized packets are",
        "refused; and the web client's page and security headers. Uses no profile.",
        "HOST alone means mqtts://HOST:8883, wss://HOST/mqtt and https://HOST/; a URL of",
        "one part sets that part, the others on the same host. --broker, --wss and --web",
        "set each part; --ca adds a CA file to the system's roots. See docs/check.md."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "HOST-or-URL", description = "The server: chat.example.org, mqtts://h:p, wss://h:p/mqtt or https://h:p/.")
    String target;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "Longest wait for any one step: a connect, a handshake, a delivery (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        Deployment deployment;
        try {
            deployment = Deployment.of(target, Optional.ofNullable(parent.mqtts), Optional.ofNullable(parent.wss),
                    Optional.ofNullable(parent.web), Optional.ofNullable(parent.ca));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<CheckLine> lines;
        try {
            lines = new DeploymentCheck(deployment, timeout).run();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, e.getMessage(), e);    // an unreadable --ca file
        }
        for (CheckLine line : lines) out.println(TerminalText.escape(line.render()));
        long failed = lines.stream().filter(l -> !l.ok()).count();
        out.println(failed == 0 ? "all " + lines.size() + " checks passed"
                : failed + " of " + lines.size() + " checks FAILED");
        out.flush();
        return failed == 0 ? ExitCode.OK.code : ExitCode.CHECK_FAILED.code;
    }
}
