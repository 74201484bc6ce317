package parley.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A chromedriver "executable" for Selenium that runs Debian's chromedriver (and so Chromium) on another host, a network
 * namespace. Selenium talks to it on 127.0.0.1:PORT here; a socat pair carries that port through a unix socket (files
 * are shared across network namespaces) to the same port on the host's own loopback, where chromedriver listens.
 * Nothing else of the host is reachable from here.
 */
final class ChromedriverOnHost {
    private ChromedriverOnHost() {
    }

    /** Writes the wrapper into {@code dir} and returns it. */
    static Path wrapper(Hosts hosts, String host, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path script = dir.resolve("chromedriver-on-" + host);
        Files.writeString(script, """
                #!/bin/bash
                set -u
                port=
                for a in "$@"; do case $a in --port=*) port=${a#--port=} ;; esac; done
                [[ -n $port ]] || { echo "chromedriver-on-host: no --port" >&2; exit 2; }
                sock=%1$s/chromedriver-$port.sock
                rm -f "$sock"
                ip netns exec %2$s socat UNIX-LISTEN:"$sock",fork TCP:127.0.0.1:"$port" & inner=$!
                ip netns exec %2$s /usr/bin/chromedriver "$@" & driver=$!
                socat TCP-LISTEN:"$port",bind=127.0.0.1,reuseaddr,fork UNIX-CONNECT:"$sock" & outer=$!
                trap 'kill $outer $inner $driver 2>/dev/null; rm -f "$sock"' EXIT
                trap 'exit 143' TERM INT
                wait $driver
                """.formatted(dir, hosts.namespace(host)));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
