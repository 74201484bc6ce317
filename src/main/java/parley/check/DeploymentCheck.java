package parley.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import parley.transport.BrokerTls;

/**
 * Everything {@code parley check} probes on a deployment, in report order: the TLS of each endpoint, the
 * broker's ACL and limits on the mqtts and the wss listener, and the web client. Each line stands alone: a
 * failure in one part does not stop the others.
 */
public final class DeploymentCheck {
    private final Deployment deployment;
    private final Duration timeout;

    /** {@code timeout}: the longest any one step (a connect, a handshake, a delivery) may take. */
    public DeploymentCheck(Deployment deployment, Duration timeout) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the timeout must be positive");
        this.timeout = timeout;
    }

    public List<CheckLine> run() {
        SSLContext tls = BrokerTls.context(deployment.caFile());
        List<CheckLine> lines = new ArrayList<>();
        Map<Endpoint, String> endpoints = new LinkedHashMap<>();
        endpoints.putIfAbsent(Deployment.endpoint(deployment.mqtts()), "mqtts");
        endpoints.putIfAbsent(Deployment.endpoint(deployment.wss()), "https");
        if (deployment.web().getScheme().equalsIgnoreCase("https")) {
            endpoints.putIfAbsent(Deployment.endpoint(deployment.web()), "https");
        }
        var tlsProbe = new TlsProbe(deployment.caFile(), timeout);
        endpoints.forEach((endpoint, label) -> lines.addAll(tlsProbe.check(label, endpoint)));
        lines.addAll(new ListenerProbe(deployment.mqtts(), tls, timeout).check("mqtts"));
        lines.addAll(new ListenerProbe(deployment.wss(), tls, timeout).check("wss"));
        lines.addAll(new WebProbe(tls, timeout).check(deployment.web()));
        return lines;
    }
}
