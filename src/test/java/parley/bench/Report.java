package parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** docs/benchmarks.md: the machine, the command, and one table row per figure. */
record Report(List<Figure> figures, BenchOptions options) {
    static Report of(List<Figure> figures, BenchOptions options) {
        return new Report(figures, options);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Figures (").append(options.smoke() ? "smoke run: short, not for judging" : "full run")
                .append(")\n\n");
        md.append("- Date: ").append(LocalDate.now(ZoneOffset.UTC)).append(" (UTC)\n");
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(cpuModel()).append(", ").append(memTotal()).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append("; ").append(nodeVersion()).append('\n');
        md.append("- Command: `").append(options.command()).append("`\n\n");
        md.append("| benchmark | figure | value | target | |\n|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.benchmark()).append(" | ").append(f.measure()).append(" | ").append(f.value())
                    .append(" | ").append(f.target()).append(" | ").append(f.verdict().label).append(" |\n");
        }
        return md.toString();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (java.io.IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 + " MiB RAM")
                    .orElse("unknown RAM");
        } catch (java.io.IOException e) {
            return "unknown RAM";
        }
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return "node " + v;
        } catch (java.io.IOException | InterruptedException e) {
            return "node: not found";
        }
    }
}
