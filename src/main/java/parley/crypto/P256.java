package parley.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/** The NIST P-256 curve as the JDK describes it, and the on-curve test the JDK's key factory does not make. */
final class P256 {
    static final ECParameterSpec PARAMS = load();
    static final BigInteger P = ((ECFieldFp) PARAMS.getCurve().getField()).getP();
    static final int COORDINATE_BYTES = 32;

    private P256() {}

    /** Whether (x, y) satisfies y^2 = x^3 + ax + b over F_p with both coordinates reduced. */
    static boolean isOnCurve(BigInteger x, BigInteger y) {
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger a = PARAMS.getCurve().getA();
        BigInteger b = PARAMS.getCurve().getB();
        BigInteger right = x.pow(3).add(a.multiply(x)).add(b).mod(P);
        return y.pow(2).mod(P).equals(right);
    }

    /** Whether a key's parameters are P-256 (the JDK may hand back an equal spec that is not the same object). */
    static boolean isP256(ECParameterSpec spec) {
        return spec.getCurve().equals(PARAMS.getCurve())
                && spec.getGenerator().equals(PARAMS.getGenerator())
                && spec.getOrder().equals(PARAMS.getOrder())
                && spec.getCofactor() == PARAMS.getCofactor();
    }

    private static ECParameterSpec load() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is missing from this JDK", e);
        }
    }
}
