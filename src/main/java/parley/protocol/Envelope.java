package parley.protocol;

import java.util.Objects;

/** The outer layer of a payload once read: the CryptoJS ciphertext and the MAC over it, both still unchecked. */
record Envelope(String ct, String mac) implements EnvelopeRead {
    Envelope {
        Objects.requireNonNull(ct, "ct");
        Objects.requireNonNull(mac, "mac");
    }

    @Override
    public String toString() {
        return "Envelope[ct=" + ct.length() + " chars]";
    }
}
