package parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;
import parley.store.StoredMessage;
import parley.crypto.ChatId;
import parley.crypto.MessageId;

/** SQL for the {@code messages} table: history, outbox and de-duplication. */
final class MessageTable {
    private static final String COLUMNS =
            "chat_id, ordinal, message_id, direction, seq, sent_at, stored_at, status, body";
    private static final int REENCRYPT_PAGE = 500;

    private MessageTable() {}

    static Optional<StoredMessage> find(Connection c, BlobCodec codec, String chatId, Direction direction,
            String messageId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM messages WHERE chat_id = ? AND direction = ? AND message_id = ?")) {
            select.setString(1, chatId);
            select.setString(2, code(direction));
            select.setString(3, messageId);
            List<StoredMessage> found = list(select, codec);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
        }
    }

    /** Inserts the message unless (chat, direction, id) is there already, in which case that row is returned. */
    static StoredMessage add(Connection c, BlobCodec codec, String chatId, NewMessage m, long storedAt)
            throws SQLException {
        Optional<StoredMessage> existing = find(c, codec, chatId, m.direction(), m.messageId().value());
        if (existing.isPresent()) {
            return existing.get();
        }
        long ordinal = ChatTable.reserveOrdinals(c, chatId, 1);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, chatId);
            insert.setLong(2, ordinal);
            insert.setString(3, m.messageId().value());
            insert.setString(4, code(m.direction()));
            insert.setLong(5, m.seq());
            insert.setLong(6, m.sentAt());
            insert.setLong(7, storedAt);
            insert.setShort(8, code(m.status()));
            insert.setBytes(9, codec.encode(m.body(), AssociatedData.messageBody(chatId, m.direction(), m.messageId().value())));
            insert.executeUpdate();
        }
        return new StoredMessage(new ChatId(chatId), ordinal, m.messageId(), m.direction(), m.seq(), m.sentAt(), storedAt,
                m.status(), m.body().clone());
    }

    /**
     * Moves a message's status forward. {@code status + 0}, not {@code status}: H2 keeps a statement's plan for
     * the life of the connection, made when it was first prepared. Planned on a chat with no messages yet (every
     * new profile), {@code status < ?} made it pick {@code messages_by_status} and scan every unacked message of
     * the chat per tick: a 10,000-message burst spent ~70% of its chat thread there (docs/benchmarks.md). The
     * expression leaves it only the unique (chat, direction, id) index.
     */
    static final String ADVANCE = "UPDATE messages SET status = ?"
            + " WHERE chat_id = ? AND direction = ? AND message_id = ? AND status + 0 < ?";

    /** Moves an outgoing message forward (QUEUED, SENT, DELIVERED), never back. */
    static boolean advance(Connection c, String chatId, String messageId, Status status) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(ADVANCE)) {
            update.setShort(1, code(status));
            update.setString(2, chatId);
            update.setString(3, code(Direction.OUT));
            update.setString(4, messageId);
            update.setShort(5, code(status));
            return update.executeUpdate() == 1;
        }
    }

    static List<StoredMessage> history(Connection c, BlobCodec codec, String chatId, long beforeOrdinal, int limit)
            throws SQLException {
        // "chat_id DESC" too: only then does H2 walk the primary key backwards and stop after the limit, instead of
        // sorting the whole chat (measured: 0.1 ms against 60-150 ms at 100,000 messages)
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM messages"
                + " WHERE chat_id = ? AND ordinal < ? ORDER BY chat_id DESC, ordinal DESC LIMIT ?")) {
            select.setString(1, chatId);
            select.setLong(2, beforeOrdinal);
            select.setInt(3, limit);
            return list(select, codec);
        }
    }

    /** Incoming messages after {@code afterOrdinal}, oldest first: what a listener has not shown yet. */
    static List<StoredMessage> incomingAfter(Connection c, BlobCodec codec, String chatId, long afterOrdinal, int limit)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM messages"
                + " WHERE chat_id = ? AND ordinal > ? AND direction = ? ORDER BY chat_id, ordinal LIMIT ?")) {
            select.setString(1, chatId);
            select.setLong(2, afterOrdinal);
            select.setString(3, code(Direction.IN));
            select.setInt(4, limit);
            return list(select, codec);
        }
    }

    static List<StoredMessage> outbox(Connection c, BlobCodec codec, String chatId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM messages"
                + " WHERE chat_id = ? AND status IN (?, ?) AND direction = ? ORDER BY ordinal")) {
            select.setString(1, chatId);
            select.setShort(2, code(Status.QUEUED));
            select.setShort(3, code(Status.SENT));
            select.setString(4, code(Direction.OUT));
            return list(select, codec);
        }
    }

    /**
     * Messages are only ever deleted with their whole chat, so ordinals have no gaps and the last one handed out is
     * the count: one row read instead of counting 100,000 index entries (~100 ms measured).
     */
    static long count(Connection c, String chatId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT last_ordinal FROM chats WHERE id = ?")) {
            select.setString(1, chatId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static void deleteChat(Connection c, String chatId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM messages WHERE chat_id = ?")) {
            delete.setString(1, chatId);
            delete.executeUpdate();
        }
    }

    /** Re-writes every body of the chat under {@code to}, a page at a time so memory does not grow with history. */
    static void reencrypt(Connection c, String chatId, BlobCodec from, BlobCodec to) throws SQLException {
        long after = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM messages"
                + " WHERE chat_id = ? AND ordinal > ? ORDER BY chat_id, ordinal LIMIT ?");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE messages SET body = ? WHERE chat_id = ? AND ordinal = ?")) {
            while (true) {
                select.setString(1, chatId);
                select.setLong(2, after);
                select.setInt(3, REENCRYPT_PAGE);
                List<StoredMessage> page = list(select, from);
                for (StoredMessage m : page) {
                    update.setBytes(1, to.encode(m.body(),
                            AssociatedData.messageBody(chatId, m.direction(), m.messageId().value())));
                    update.setString(2, chatId);
                    update.setLong(3, m.ordinal());
                    update.addBatch();
                    after = m.ordinal();
                }
                update.executeBatch();
                if (page.size() < REENCRYPT_PAGE) {
                    return;
                }
            }
        }
    }

    private static List<StoredMessage> list(PreparedStatement select, BlobCodec codec) throws SQLException {
        List<StoredMessage> out = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String chatId = rs.getString(1);
                String messageId = rs.getString(3);
                Direction direction = direction(rs.getString(4));
                byte[] body = codec.decode(rs.getBytes(9), AssociatedData.messageBody(chatId, direction, messageId));
                out.add(new StoredMessage(new ChatId(chatId), rs.getLong(2), new MessageId(messageId), direction, rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), status(rs.getShort(8)), body));
            }
        }
        return out;
    }

    // Stored codes are fixed here, apart from the enums' names and order, so renaming a constant keeps old profiles.
    static String code(Direction d) {
        return switch (d) {
            case IN -> "I";
            case OUT -> "O";
        };
    }

    static Direction direction(String code) {
        return switch (code) {
            case "I" -> Direction.IN;
            case "O" -> Direction.OUT;
            default -> throw new StoreException("stored message has an unknown direction code " + code);
        };
    }

    // ordered: an outgoing message only ever moves to a higher code
    private static short code(Status s) {
        return switch (s) {
            case QUEUED -> 1;
            case SENT -> 2;
            case DELIVERED -> 3;
            case RECEIVED -> 10;
        };
    }

    private static Status status(short code) {
        return switch (code) {
            case 1 -> Status.QUEUED;
            case 2 -> Status.SENT;
            case 3 -> Status.DELIVERED;
            case 10 -> Status.RECEIVED;
            default -> throw new StoreException("stored message has an unknown status code " + code);
        };
    }
}
