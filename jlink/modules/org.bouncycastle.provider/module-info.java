/*
 * Module descriptor for the image's trimmed Bouncy Castle (bcprov-jdk18on 1.87): only the classes Argon2id reaches,
 * cut at build time by jlink/trim-module; the tests, on the class path, use the whole jar. It keeps the module's name,
 * which Parley requires. It exports the packages Parley imports (trim-module fails if one is missing); the other
 * kept packages (digests, util, and what CryptoServicesRegistrar's constraints reach) stay internal. Not a JCE
 * provider any more: Parley never registers it, the JDK's providers do all its other cryptography.
 */
module org.bouncycastle.provider {
    requires java.logging; // CryptoServicesRegistrar logs through java.util.logging

    exports org.bouncycastle.crypto.generators;
    exports org.bouncycastle.crypto.params;
}
