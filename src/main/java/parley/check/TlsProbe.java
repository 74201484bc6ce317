package parley.check;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The TLS of one endpoint: is the certificate chain trusted, is it for the host name, which TLS versions the
 * server speaks (1.3 and 1.2 must be accepted, 1.1 and 1.0 refused).
 */
final class TlsProbe {
    /** A certificate closer than this to its end is a failure: renewal (certbot) is not working. */
    static final Duration RENEW_BEFORE = Duration.ofDays(7);
    private static final String[] MODERN = {"TLSv1.3", "TLSv1.2"};

    private final Optional<Path> caFile;
    private final Duration timeout;

    TlsProbe(Optional<Path> caFile, Duration timeout) {
        this.caFile = caFile;
        this.timeout = timeout;
    }

    List<CheckLine> check(String label, Endpoint endpoint) {
        String subject = label + " " + endpoint;
        List<CheckLine> lines = new ArrayList<>();
        Handshake chain;
        try {
            chain = Handshake.with(endpoint, caFile, MODERN, false, timeout);
        } catch (IOException e) {
            return List.of(CheckLine.fail(subject + " TLS", "cannot connect: " + Failure.describe(e)));
        }
        lines.add(chainLine(subject, chain));
        lines.add(nameLine(subject, endpoint, chain));
        for (String version : MODERN) lines.add(modernLine(subject, endpoint, version));
        for (int minor : new int[] {2, 1}) lines.add(legacyLine(subject, endpoint, minor));
        return lines;
    }

    private CheckLine chainLine(String subject, Handshake handshake) {
        String what = subject + " certificate chain";
        if (handshake.chain().isEmpty()) {
            return CheckLine.fail(what, "the server sent no certificate (" + reason(handshake) + ")");
        }
        X509Certificate leaf = handshake.chain().getFirst();
        String sent = leaf.getSubjectX500Principal().getName() + " issued by " + leaf.getIssuerX500Principal().getName();
        if (!handshake.succeeded()) {
            return CheckLine.fail(what, "not trusted by the system's CA roots" + caFile.map(f -> " or " + f).orElse("")
                    + ": " + reason(handshake) + "; the server sent " + sent);
        }
        Instant end = leaf.getNotAfter().toInstant();
        String until = "valid until " + LocalDate.ofInstant(end, ZoneOffset.UTC);
        if (Instant.now().plus(RENEW_BEFORE).isAfter(end)) {
            return CheckLine.fail(what, sent + " is " + until + ", less than " + RENEW_BEFORE.toDays()
                    + " days from now: renew it (is certbot's renewal running?)");
        }
        return CheckLine.ok(what, "trusted: " + sent + ", " + until);
    }

    private CheckLine nameLine(String subject, Endpoint endpoint, Handshake chain) {
        String what = subject + " certificate name";
        if (chain.chain().isEmpty()) return CheckLine.fail(what, "not checked: the server sent no certificate");
        String names = names(chain.chain().getFirst());
        if (!chain.succeeded()) {
            return CheckLine.fail(what, "not checked, the chain is not trusted (the certificate is for " + names + ")");
        }
        try {
            Handshake named = Handshake.with(endpoint, caFile, MODERN, true, timeout);
            if (named.succeeded()) return CheckLine.ok(what, endpoint.host() + " matches (" + names + ")");
            return CheckLine.fail(what, "the certificate is for " + names + ", not for " + endpoint.host()
                    + " (" + reason(named) + ")");
        } catch (IOException e) {
            return CheckLine.fail(what, "cannot connect again: " + Failure.describe(e));
        }
    }

    private CheckLine modernLine(String subject, Endpoint endpoint, String version) {
        String what = subject + " " + label(version);
        try {
            Handshake h = Handshake.with(endpoint, caFile, new String[] {version}, false, timeout);
            if (h.protocol().filter(version::equals).isPresent()) return CheckLine.ok(what, "accepted");
            return CheckLine.fail(what, "refused (" + reason(h) + "): Parley's clients need TLS 1.3 and 1.2");
        } catch (IOException e) {
            return CheckLine.fail(what, "cannot connect: " + Failure.describe(e));
        }
    }

    private CheckLine legacyLine(String subject, Endpoint endpoint, int minor) {
        String what = subject + " TLS 1." + (minor - 1);
        try {
            LegacyHello.Reply reply = LegacyHello.offer(endpoint, minor, timeout);
            return switch (reply.answer()) {
                case REFUSED -> CheckLine.ok(what, "refused (" + reply.seen() + ")");
                case ACCEPTED -> CheckLine.fail(what, "accepted (" + reply.seen()
                        + "): allow only TLS 1.2 and 1.3 (nginx ssl_protocols, Mosquitto tls_version)");
            };
        } catch (IOException e) {
            return CheckLine.fail(what, "cannot tell: " + Failure.describe(e));
        }
    }

    private static String label(String version) {
        return version.replace("TLSv", "TLS ");
    }

    /** The certificate's DNS and IP names, or its subject when it has none. */
    static String names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                    int type = (Integer) entry.get(0);
                    if (type == 2) names.add("DNS:" + entry.get(1));
                    if (type == 7) names.add("IP:" + entry.get(1));
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable names: " + e.getMessage() + ")");
        }
        return names.isEmpty() ? certificate.getSubjectX500Principal().getName() : String.join(", ", names);
    }

    /** Why a handshake failed, without the JDK's class names. */
    static String reason(Handshake handshake) {
        Throwable t = handshake.failure().orElse(null);
        if (t == null) return "no failure";
        Throwable deepest = t;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            if (deepest instanceof CertificateExpiredException) return "the certificate has expired";
            deepest = deepest.getCause();
        }
        if (deepest instanceof CertificateExpiredException) return "the certificate has expired";
        String message = String.valueOf(t.getMessage());
        if (message.contains("PKIX path building failed")) return "no path to a trusted root";
        if (message.contains("PKIX path validation failed")) return "the chain does not validate";
        String m = deepest.getMessage() != null ? deepest.getMessage() : message;
        return m.replaceAll("^[\\w.$]+(Exception|Error): ", "").replaceFirst("^\\([\\w_]+\\) ", "");
    }
}
