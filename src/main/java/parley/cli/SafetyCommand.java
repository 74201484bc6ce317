package parley.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import parley.crypto.ChatId;
import parley.crypto.SafetyCode;
import parley.invite.qr.QrCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley safety CHAT}: the chat's safety code, to compare with your friend's. */
@Command(name = "safety", description = {
        "Print the chat's safety code (and its QR code). Compare it with your friend's in person or on a call:",
        "if they differ, someone may be in the middle. 'parley verify CHAT CODE' marks the chat verified."})
final class SafetyCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CHAT")
    String chat;

    @Option(names = "--qr", description = "Also print the code as a QR code your friend can scan.")
    boolean qr;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open()) {
            ChatId id = profile.chats().resolve(chat).join();
            SafetyCode code = profile.chats().safetyCode(id).join();
            out.println(code.grouped());
            if (qr) {
                out.println(QrCodes.toTerminal(code.qrText()));
            }
            out.flush();
            return ExitCode.OK.code;
        }
    }
}
