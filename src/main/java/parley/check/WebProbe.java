package parley.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/** The web client as a browser loads it: the page, and the security headers it comes with. */
final class WebProbe {
    private static final int MAX_PAGE_BYTES = 1 << 20;
    private final SSLContext tls;
    private final Duration timeout;

    WebProbe(SSLContext tls, Duration timeout) {
        this.tls = tls;
        this.timeout = timeout;
    }

    List<CheckLine> check(URI web) {
        String subject = "web " + web;
        boolean https = web.getScheme().equalsIgnoreCase("https");
        List<CheckLine> lines = new ArrayList<>();
        if (!https) {
            lines.add(CheckLine.fail(subject + " https", "served over plain http: anyone on the path can change the "
                    + "page and read what it holds"));
        }
        // the JDK's client verifies the host name; redirects are reported, not followed
        try (HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpRequest request = HttpRequest.newBuilder(web).timeout(timeout).GET().build();
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int size;
            try (var body = response.body()) {
                size = body.readNBytes(MAX_PAGE_BYTES + 1).length;   // a hostile server's endless page stops here
            }
            String type = response.headers().firstValue("Content-Type").orElse("no Content-Type");
            if (response.statusCode() != 200) {
                lines.add(CheckLine.fail(subject + " page", "HTTP " + response.statusCode()
                        + response.headers().firstValue("Location").map(l -> " to " + l).orElse("")
                        + ": the web client does not load"));
            } else if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")) {
                lines.add(CheckLine.fail(subject + " page", "served as " + type + ", not text/html"));
            } else if (size > MAX_PAGE_BYTES) {
                lines.add(CheckLine.fail(subject + " page", "the page is over " + MAX_PAGE_BYTES + " bytes, "
                        + "not Parley's web client"));
            } else {
                lines.add(CheckLine.ok(subject + " page", "HTTP 200, " + type + ", " + size + " bytes"));
            }
            lines.addAll(SecurityHeaders.judge(subject, response.headers(), https));
        } catch (IOException e) {
            lines.add(CheckLine.fail(subject + " page", "cannot load: " + Failure.describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lines.add(CheckLine.fail(subject + " page", "interrupted"));
        }
        return lines;
    }
}
