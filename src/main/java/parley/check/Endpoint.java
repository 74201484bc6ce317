package parley.check;

/** A TCP endpoint a check connects to. */
record Endpoint(String host, int port) {
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
