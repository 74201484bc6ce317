package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.PassphraseKey;

/**
 * H2 keeps the plan a statement got when the connection first prepared it, and a new profile prepares the status
 * update while its chats are empty: the plan made then is the one every later tick runs.
 */
class MessageTablePlanTest {
    @TempDir
    Path tmp;

    @Test
    void theStatusUpdatePlannedOnAnEmptyProfileFindsTheMessageByItsId() throws Exception {
        Path dir = tmp.resolve("p");
        ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests()).close();
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("parley"), "parley", "")) {
            assertThat(plan(c, MessageTable.ADVANCE)).contains("MESSAGES_ONCE");
            // the plain condition, as it was: H2 takes the status index and scans the chat's unacked messages
            assertThat(plan(c, MessageTable.ADVANCE.replace("status + 0 <", "status <")))
                    .contains("MESSAGES_BY_STATUS");
        }
    }

    private static String plan(Connection c, String sql) throws Exception {
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql)) {
            explain.setShort(1, (short) 2);
            explain.setString(2, "chat");
            explain.setString(3, "O");
            explain.setString(4, "id");
            explain.setShort(5, (short) 2);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
