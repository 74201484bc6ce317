package parley.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark run's options: {@code --smoke} (short variants), {@code --out FILE} (the report),
 * {@code --only codec,roundtrip,burst,scale,history,files} and {@code --command "..."} (shown in the report).
 */
record BenchOptions(boolean smoke, Optional<Path> out, Set<String> only, String command, Path repo) {
    static final Set<String> ALL = Set.of("codec", "roundtrip", "burst", "scale", "history", "files");

    static BenchOptions parse(String... args) {
        boolean smoke = false;
        Optional<Path> out = Optional.empty();
        Set<String> only = new LinkedHashSet<>(ALL);
        String command = "scripts/bench";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--out" -> out = Optional.of(Path.of(value(args, ++i, "--out")));
                case "--command" -> command = value(args, ++i, "--command");
                case "--only" -> {
                    only = new LinkedHashSet<>(Arrays.asList(value(args, ++i, "--only").split(",")));
                    if (!ALL.containsAll(only)) {
                        throw new IllegalArgumentException("--only takes some of " + ALL + ", not " + only);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --smoke, --out FILE, --only LIST, --command TEXT)");
            }
        }
        return new BenchOptions(smoke, out, only, command, repoDir());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    static Path repoDir() {
        String repo = System.getProperty("parley.repo");
        if (repo == null) throw new IllegalStateException("system property parley.repo is not set (scripts/bench sets it)");
        return Path.of(repo);
    }
}
