package parley.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The headers the project's own nginx config sends pass; each weakening of them fails on its own line. */
class SecurityHeadersTest {
    private static final Pattern ADD_HEADER = Pattern.compile("add_header ([\\w-]+) \"([^\"]*)\" always;");

    private static Map<String, String> shipped() throws IOException {
        String conf = Files.readString(Path.of(System.getProperty("parley.repo", "."), "broker/nginx.conf.template"));
        Map<String, String> headers = new HashMap<>();
        Matcher m = ADD_HEADER.matcher(conf);
        while (m.find()) headers.put(m.group(1), m.group(2));
        assertThat(headers).containsKeys("Content-Security-Policy", "Strict-Transport-Security");
        return headers;
    }

    private static List<CheckLine> judge(Map<String, String> headers, boolean https) {
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return SecurityHeaders.judge("web", HttpHeaders.of(multi, (a, b) -> true), https);
    }

    private static CheckLine line(List<CheckLine> lines, String name) {
        return lines.stream().filter(l -> l.subject().equals("web " + name)).findFirst().orElseThrow();
    }

    @Test
    void theShippedNginxHeadersPassEveryLine() throws IOException {
        List<CheckLine> lines = judge(shipped(), true);
        assertThat(lines).hasSize(5).allMatch(CheckLine::ok, "ok");
    }

    @Test
    void eachWeakenedHeaderFailsItsLine() throws IOException {
        Map<String, String> h = shipped();
        h.put("Content-Security-Policy", h.get("Content-Security-Policy").replace("script-src 'self'",
                "script-src 'self' 'unsafe-inline'"));
        h.put("Referrer-Policy", "unsafe-url");
        h.put("Strict-Transport-Security", "max-age=300");
        h.remove("X-Content-Type-Options");
        List<CheckLine> lines = judge(h, true);
        assertThat(line(lines, "Content-Security-Policy").reason()).contains("'unsafe-inline'");
        assertThat(line(lines, "Referrer-Policy").ok()).isFalse();
        assertThat(line(lines, "Strict-Transport-Security").reason()).contains("max-age 300");
        assertThat(line(lines, "X-Content-Type-Options").reason()).startsWith("missing");
        assertThat(line(lines, "framing").ok()).isTrue();
    }

    @Test
    void framingNeedsFrameAncestorsNoneOrXFrameOptionsDeny() throws IOException {
        Map<String, String> h = shipped();
        h.put("Content-Security-Policy", h.get("Content-Security-Policy").replace("; frame-ancestors 'none'", ""));
        assertThat(line(judge(h, true), "framing").ok()).as("X-Frame-Options DENY alone").isTrue();
        h.remove("X-Frame-Options");
        assertThat(line(judge(h, true), "framing").ok()).isFalse();
    }

    @Test
    void plainHttpIsNotAskedForHsts() throws IOException {
        assertThat(judge(shipped(), false)).extracting(CheckLine::subject)
                .doesNotContain("web Strict-Transport-Security");
    }
}
