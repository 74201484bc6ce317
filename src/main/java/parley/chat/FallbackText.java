package parley.chat;

import parley.protocol.FileManifest;

/** The {@code text} of a manifest: what a Parley without files shows instead (docs/protocol.md section 9.3). */
final class FallbackText {
    private FallbackText() {}

    static String of(FileManifest manifest) {
        return "[file] " + manifest.name() + " (" + FileSizes.describe(manifest.size()) + "). Your Parley cannot"
                + " receive files; update it to get this one.";
    }
}
