package parley.chat;

import java.nio.charset.StandardCharsets;
import parley.protocol.FileManifest;
import parley.text.DisplayNames;

/**
 * A local file's name as a manifest may carry it (docs/protocol.md section 9.3). Received names are never repaired
 * (one that breaks the rule drops the manifest); our own are made to fit: a control character or backslash becomes
 * {@code _}, white space at the ends goes, and a name over 255 bytes is cut, keeping its extension.
 */
final class FileNames {
    private FileNames() {}

    static String sendable(String name) {
        StringBuilder fixed = new StringBuilder();
        name.codePoints().forEach(cp -> {
            boolean bad = DisplayNames.isControl(cp) || cp == '\\' || cp == '/' || cp == 0
                    || (Character.isSurrogate((char) cp) && cp < 0x10000);
            fixed.appendCodePoint(bad ? '_' : cp);
        });
        String result = fixed.toString().strip();
        if (result.getBytes(StandardCharsets.UTF_8).length > FileManifest.MAX_NAME_BYTES) {
            int dot = result.lastIndexOf('.');
            String extension = dot > 0 && result.length() - dot <= 16 ? result.substring(dot) : "";
            String stem = result.substring(0, result.length() - extension.length());
            while ((stem + extension).getBytes(StandardCharsets.UTF_8).length > FileManifest.MAX_NAME_BYTES) {
                stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
            }
            result = stem.strip() + extension;
        }
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            result = "file";
        }
        return result;
    }
}
