package parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley passphrase}: encrypts the profile at rest under a passphrase, changes or removes it. */
@Command(name = "passphrase", description = {
        "Set, change or remove the passphrase that encrypts your keys and history at rest.",
        "The current one (if any) comes from --passphrase-file."})
final class PassphraseCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--new-file", paramLabel = "FILE", description = "File holding the new passphrase.")
        Path newFile;

        @Option(names = "--remove", description = "Store keys and history unencrypted (protected by file modes only).")
        boolean remove;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<char[]> next = choice.remove ? Optional.empty() : Optional.of(SecretFile.firstLine(choice.newFile));
        try (ProfileOpener.OpenProfile profile = parent.open()) {
            profile.changePassphrase(next);
            out.println(choice.remove ? "passphrase removed" : "passphrase set");
            out.flush();
            return ExitCode.OK.code;
        } finally {
            next.ifPresent(p -> Arrays.fill(p, '\0'));
        }
    }
}
