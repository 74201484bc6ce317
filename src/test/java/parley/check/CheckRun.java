package parley.check;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import parley.cli.ParleyCommand;

/** One {@code parley check ...} through the real command line, in this JVM: its exit code and report lines. */
record CheckRun(int exitCode, List<String> lines, String errors) {

    static CheckRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "check";
        System.arraycopy(args, 0, command, 1, args.length);
        int code = ParleyCommand.run(request -> {
            throw new AssertionError("parley check must not open a profile");
        }, new PrintWriter(out, true), new PrintWriter(err, true), command);
        return new CheckRun(code, out.toString().lines().toList(), err.toString());
    }

    /** The one line whose subject starts with {@code subjectStart} and ends with {@code subjectEnd}. */
    String line(String subjectStart, String subjectEnd) {
        List<String> matching = lines.stream()
                .filter(l -> l.matches("(ok  |FAIL) .*"))
                .filter(l -> subject(l).startsWith(subjectStart) && subject(l).endsWith(subjectEnd)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one line '" + subjectStart + " ... " + subjectEnd + "', found "
                    + matching.size() + " in:\n" + String.join("\n", lines) + "\n" + errors);
        }
        return matching.getFirst();
    }

    List<String> failures() {
        return lines.stream().filter(l -> l.startsWith("FAIL ")).toList();
    }

    private static String subject(String line) {
        String rest = line.substring(5);
        int colon = rest.indexOf(": ");
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n" + String.join("\n", lines) + (errors.isEmpty() ? "" : "\nstderr: " + errors);
    }
}
