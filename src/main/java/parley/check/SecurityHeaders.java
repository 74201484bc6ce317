package parley.check;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges the headers the web client is served with, against what the project's nginx config sends
 * (broker/nginx.conf.template): the client's secrets live in the page and its URL, so scripts come from its own
 * origin only, nothing may frame it, no referrer leaves it, and an https site pins https.
 */
final class SecurityHeaders {
    static final long MIN_HSTS_SECONDS = 86_400 * 180;
    private static final Set<String> UNSAFE_SOURCES = Set.of("'unsafe-inline'", "'unsafe-eval'", "*", "http:",
            "https:", "data:", "blob:");
    private static final Set<String> NO_REFERRER = Set.of("no-referrer", "same-origin");
    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d+)\"?", Pattern.CASE_INSENSITIVE);

    private SecurityHeaders() {
    }

    static List<CheckLine> judge(String subject, HttpHeaders headers, boolean https) {
        List<CheckLine> lines = new ArrayList<>();
        Optional<String> csp = headers.firstValue("Content-Security-Policy");
        lines.add(contentSecurityPolicy(subject + " Content-Security-Policy", csp));
        lines.add(framing(subject + " framing", csp, headers.firstValue("X-Frame-Options")));
        lines.add(exactly(subject + " X-Content-Type-Options", headers.firstValue("X-Content-Type-Options"),
                Set.of("nosniff"), "browsers may guess a type and run a file as script"));
        lines.add(exactly(subject + " Referrer-Policy", headers.firstValue("Referrer-Policy"), NO_REFERRER,
                "the page's address may leave it in a Referer header"));
        if (https) lines.add(hsts(subject + " Strict-Transport-Security", headers.firstValue("Strict-Transport-Security")));
        return lines;
    }

    private static CheckLine contentSecurityPolicy(String what, Optional<String> csp) {
        if (csp.isEmpty()) return CheckLine.fail(what, "missing: any script injected into the page could run");
        Optional<List<String>> scripts = directive(csp.get(), "script-src").or(() -> directive(csp.get(), "default-src"));
        if (scripts.isEmpty()) return CheckLine.fail(what, "no script-src or default-src: scripts may come from anywhere");
        List<String> unsafe = scripts.get().stream().filter(s -> UNSAFE_SOURCES.contains(s.toLowerCase(Locale.ROOT)))
                .toList();
        if (!unsafe.isEmpty()) return CheckLine.fail(what, "scripts are allowed from " + String.join(" ", unsafe));
        Optional<List<String>> objects = directive(csp.get(), "object-src").or(() -> directive(csp.get(), "default-src"));
        if (objects.isEmpty() || !objects.get().equals(List.of("'none'")) && !objects.get().equals(List.of("'self'"))) {
            return CheckLine.fail(what, "object-src is not 'none': plug-in content may load");
        }
        return CheckLine.ok(what, "scripts only from " + String.join(" ", scripts.get()));
    }

    private static CheckLine framing(String what, Optional<String> csp, Optional<String> frameOptions) {
        Optional<List<String>> ancestors = csp.flatMap(c -> directive(c, "frame-ancestors"));
        if (ancestors.filter(a -> a.equals(List.of("'none'"))).isPresent()) {
            return CheckLine.ok(what, "refused (frame-ancestors 'none'" + frameOptions.map(x -> ", X-Frame-Options " + x)
                    .orElse("") + ")");
        }
        if (ancestors.isEmpty() && frameOptions.map(x -> x.strip().equalsIgnoreCase("DENY")).orElse(false)) {
            return CheckLine.ok(what, "refused (X-Frame-Options DENY)");
        }
        return CheckLine.fail(what, "another site may frame the page (no frame-ancestors 'none'"
                + frameOptions.map(x -> ", X-Frame-Options " + x).orElse(" and no X-Frame-Options DENY") + ")");
    }

    private static CheckLine exactly(String what, Optional<String> value, Set<String> good, String risk) {
        if (value.isEmpty()) return CheckLine.fail(what, "missing: " + risk);
        String v = value.get().strip().toLowerCase(Locale.ROOT);
        if (good.contains(v)) return CheckLine.ok(what, value.get().strip());
        return CheckLine.fail(what, "'" + value.get() + "' is not " + String.join(" or ", good) + ": " + risk);
    }

    private static CheckLine hsts(String what, Optional<String> value) {
        if (value.isEmpty()) return CheckLine.fail(what, "missing: a browser may be talked into plain http next time");
        Matcher m = MAX_AGE.matcher(value.get());
        long age = m.find() ? Long.parseLong(m.group(1).length() > 12 ? "999999999999" : m.group(1)) : 0;
        if (age < MIN_HSTS_SECONDS) {
            return CheckLine.fail(what, "max-age " + age + " s is under " + MIN_HSTS_SECONDS + " s (180 days)");
        }
        return CheckLine.ok(what, value.get().strip());
    }

    /** The sources of one CSP directive, or empty when the policy does not have it. */
    static Optional<List<String>> directive(String policy, String name) {
        for (String part : policy.split(";")) {
            List<String> words = Arrays.stream(part.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
            if (!words.isEmpty() && words.getFirst().equalsIgnoreCase(name)) {
                return Optional.of(words.subList(1, words.size()));
            }
        }
        return Optional.empty();
    }
}
