package parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the {@code chats} table: one row per chat, its opaque state and the last message ordinal handed out. */
final class ChatTable {
    private ChatTable() {}

    static void put(Connection c, BlobCodec codec, String chatId, byte[] state) throws SQLException {
        byte[] stored = codec.encode(state, AssociatedData.chatState(chatId));
        try (PreparedStatement update = c.prepareStatement("UPDATE chats SET state = ? WHERE id = ?")) {
            update.setBytes(1, stored);
            update.setString(2, chatId);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO chats (id, created, last_ordinal, state) VALUES (?, NEXT VALUE FOR chat_creation, 0, ?)")) {
            insert.setString(1, chatId);
            insert.setBytes(2, stored);
            insert.executeUpdate();
        }
    }

    static Map<String, byte[]> all(Connection c, BlobCodec codec) throws SQLException {
        Map<String, byte[]> chats = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, state FROM chats ORDER BY created");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                chats.put(id, codec.decode(rs.getBytes(2), AssociatedData.chatState(id)));
            }
        }
        return chats;
    }

    static Optional<byte[]> get(Connection c, BlobCodec codec, String chatId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT state FROM chats WHERE id = ?")) {
            select.setString(1, chatId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(codec.decode(rs.getBytes(1), AssociatedData.chatState(chatId)))
                        : Optional.empty();
            }
        }
    }

    static List<String> ids(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM chats ORDER BY created");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /**
     * Reserves {@code count} ordinals for new messages of the chat.
     *
     * @return the first of them
     * @throws IllegalArgumentException when the chat does not exist
     */
    static long reserveOrdinals(Connection c, String chatId, int count) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE chats SET last_ordinal = last_ordinal + ? WHERE id = ?")) {
            update.setInt(1, count);
            update.setString(2, chatId);
            if (update.executeUpdate() == 0) {
                throw new IllegalArgumentException("no chat " + chatId + " in this profile: putChat it first");
            }
        }
        try (PreparedStatement select = c.prepareStatement("SELECT last_ordinal FROM chats WHERE id = ?")) {
            select.setString(1, chatId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }

    static boolean delete(Connection c, String chatId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM chats WHERE id = ?")) {
            delete.setString(1, chatId);
            return delete.executeUpdate() == 1;
        }
    }

    static void reencrypt(Connection c, BlobCodec from, BlobCodec to) throws SQLException {
        for (Map.Entry<String, byte[]> chat : all(c, from).entrySet()) {
            put(c, to, chat.getKey(), chat.getValue());
        }
    }
}
