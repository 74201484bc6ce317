package parley.chat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage of the deterministic chat tests: a fresh {@link ChatLab} for each test with alice and bob on it, both
 * closed after it, so that a test reads as its scenario. Others join with {@code lab.peer(...)}.
 */
abstract class ChatLabTest {
    @TempDir
    Path dir;
    ChatLab lab;
    ChatLab.Peer alice;
    ChatLab.Peer bob;

    @BeforeEach
    void openLab() {
        lab = new ChatLab(dir);
        alice = lab.peer("alice");
        bob = lab.peer("bob");
    }

    @AfterEach
    void closeLab() {
        lab.close();
    }
}
