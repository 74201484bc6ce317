package parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An argument that can also come from stdin ({@code -}) or a file ({@code --file PATH}): an invite link or a
 * message on the command line is visible to every user of the machine in {@code /proc/PID/cmdline} and lands in
 * shell history. Read as strict UTF-8, bounded, without the one line end an editor or {@code echo} adds.
 */
record ArgumentInput(String what, int maxBytes, String fileOption) {
    static final String STDIN = "-";

    /** An argument whose file option is {@code --file}. */
    ArgumentInput(String what, int maxBytes) {
        this(what, maxBytes, "--file");
    }

    /** The value: {@code argument} itself, or what stdin or {@code file} holds when it is {@code -} or given. */
    String read(Optional<String> argument, Optional<Path> file, InputStream stdin) {
        if (argument.isPresent() && file.isPresent()) {
            throw new CliFailure(ExitCode.USAGE, "give the " + what + " or " + fileOption + ", not both");
        }
        if (file.isPresent()) {
            try (InputStream in = Files.newInputStream(file.get())) {
                return decode(in, file.get().toString());
            } catch (IOException e) {
                throw new CliFailure(ExitCode.USAGE, "cannot read the " + what + " from " + file.get() + ": "
                        + e.getMessage(), e);
            }
        }
        String value = argument.orElseThrow(() -> new CliFailure(ExitCode.USAGE,
                "give the " + what + ", or - to read it from stdin, or " + fileOption + " PATH"));
        return value.equals(STDIN) ? decode(stdin, "stdin") : value;
    }

    private String decode(InputStream in, String source) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 3); // room for a trailing CRLF, and one byte to see it is too long
        } catch (IOException e) {
            throw new CliFailure(ExitCode.USAGE, "cannot read the " + what + " from " + source + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CliFailure(ExitCode.USAGE, "the " + what + " from " + source + " is not valid UTF-8");
        }
        text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new CliFailure(ExitCode.USAGE, "the " + what + " from " + source + " is longer than " + maxBytes
                    + " bytes");
        }
        if (text.isEmpty()) {
            throw new CliFailure(ExitCode.USAGE, "the " + what + " from " + source + " is empty");
        }
        return text;
    }
}
