package parley.store;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Profiles open in this JVM. H2 lets every connection in one process share a database, so its file lock only
 * keeps other processes out; this keeps a second store in the same process out too.
 */
final class OpenProfiles {
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private OpenProfiles() {}

    static void claim(Path dir) {
        if (!OPEN.add(dir)) {
            throw new ProfileInUseException(dir);
        }
    }

    static void release(Path dir) {
        OPEN.remove(dir);
    }
}
