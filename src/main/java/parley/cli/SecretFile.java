package parley.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a secret (passphrase, broker password) from the first line of a file, so it never sits in argv. */
public final class SecretFile {
    private SecretFile() {}

    /** The first line, without its line end; the caller clears the array. An empty or unreadable file is refused. */
    public static char[] firstLine(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.PROFILE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
            if (line.isEmpty()) {
                throw new CliFailure(ExitCode.PROFILE, "the first line of " + file + " is empty");
            }
            return line.toCharArray();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
