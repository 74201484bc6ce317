package parley.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The on-disk format: the tables of version {@link #CURRENT} and the steps that bring an older profile up to it.
 *
 * <p>Ids and counters are plain columns (they are looked up and ordered by); every blob handed in by a caller is a
 * VARBINARY written through {@link BlobCodec}. Indexes: messages by (chat, ordinal) for history pages, by
 * (chat, status, ordinal) for the outbox, and once per (chat, direction, message id) for de-duplication. A file's
 * transfer state is a row of {@code transfers} beside its message; its chunks are files of their own
 * ({@link ChunkFile}).
 */
final class ProfileFormat {
    static final int CURRENT = 2;

    /** Brings a profile from version {@code n} to {@code n + 1}, inside the upgrade's transaction. */
    @FunctionalInterface
    interface UpgradeStep {
        void apply(Connection c) throws SQLException;
    }

    private static final String TRANSFERS = """
            CREATE TABLE IF NOT EXISTS transfers (
                chat_id VARCHAR(1024) NOT NULL REFERENCES chats (id),
                direction CHAR(1) NOT NULL,
                message_id VARCHAR(1024) NOT NULL,
                state VARBINARY NOT NULL,
                PRIMARY KEY (chat_id, direction, message_id))""";

    /** Index {@code i} upgrades version {@code i + 1}. Version 2 added files (docs/protocol.md section 9). */
    static final List<UpgradeStep> STEPS = List.of(c -> {
        try (Statement s = c.createStatement()) {
            s.execute(TRANSFERS);
        }
    });

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS meta (name VARCHAR(64) PRIMARY KEY, val VARCHAR(1024) NOT NULL)",
            "CREATE SEQUENCE IF NOT EXISTS chat_creation",
            """
            CREATE TABLE IF NOT EXISTS chats (
                id VARCHAR(1024) PRIMARY KEY,
                created BIGINT NOT NULL,
                last_ordinal BIGINT NOT NULL,
                state VARBINARY NOT NULL)""",
            "CREATE TABLE IF NOT EXISTS settings (name VARCHAR(1024) PRIMARY KEY, val VARBINARY NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS messages (
                chat_id VARCHAR(1024) NOT NULL REFERENCES chats (id),
                ordinal BIGINT NOT NULL,
                message_id VARCHAR(1024) NOT NULL,
                direction CHAR(1) NOT NULL,
                seq BIGINT NOT NULL,
                sent_at BIGINT NOT NULL,
                stored_at BIGINT NOT NULL,
                status SMALLINT NOT NULL,
                body VARBINARY NOT NULL,
                PRIMARY KEY (chat_id, ordinal),
                CONSTRAINT messages_once UNIQUE (chat_id, direction, message_id))""",
            "CREATE INDEX IF NOT EXISTS messages_by_status ON messages (chat_id, status, ordinal)",
            TRANSFERS);

    private ProfileFormat() {}

    /** Creates the tables of a new profile; idempotent, so a creation cut short by a crash is finished. */
    static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
    }

    /**
     * Applies {@code steps} from {@code from} up, writing each new version in the caller's transaction.
     *
     * @return the version reached
     */
    static int upgrade(Connection c, int from, List<UpgradeStep> steps) throws SQLException {
        int version = from;
        while (version - 1 < steps.size()) {
            steps.get(version - 1).apply(c);
            version++;
            ProfileMeta.writeVersion(c, version);
        }
        return version;
    }
}
