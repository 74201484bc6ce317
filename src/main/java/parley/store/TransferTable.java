package parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parley.crypto.MessageId;
import parley.store.ProfileStore.Direction;

/** SQL for the {@code transfers} table: one sealed state blob per file a message carries, in or out. */
final class TransferTable {
    private TransferTable() {}

    static void put(Connection c, BlobCodec codec, String chatId, Direction direction, String messageId,
            byte[] state) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO transfers (chat_id, direction, message_id, state)"
                + " KEY (chat_id, direction, message_id) VALUES (?, ?, ?, ?)")) {
            merge.setString(1, chatId);
            merge.setString(2, MessageTable.code(direction));
            merge.setString(3, messageId);
            merge.setBytes(4, codec.encode(state, AssociatedData.transfer(chatId, direction, messageId)));
            merge.executeUpdate();
        }
    }

    static Optional<byte[]> get(Connection c, BlobCodec codec, String chatId, Direction direction, String messageId)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT state FROM transfers WHERE chat_id = ? AND direction = ? AND message_id = ?")) {
            select.setString(1, chatId);
            select.setString(2, MessageTable.code(direction));
            select.setString(3, messageId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(codec.decode(rs.getBytes(1), AssociatedData.transfer(chatId, direction, messageId)))
                        : Optional.empty();
            }
        }
    }

    static List<StoredTransfer> all(Connection c, BlobCodec codec, String chatId) throws SQLException {
        List<StoredTransfer> all = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT direction, message_id, state FROM transfers WHERE chat_id = ?")) {
            select.setString(1, chatId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Direction direction = MessageTable.direction(rs.getString(1));
                    String id = rs.getString(2);
                    all.add(new StoredTransfer(new MessageId(id), direction,
                            codec.decode(rs.getBytes(3), AssociatedData.transfer(chatId, direction, id))));
                }
            }
        }
        return all;
    }

    static void deleteChat(Connection c, String chatId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM transfers WHERE chat_id = ?")) {
            delete.setString(1, chatId);
            delete.executeUpdate();
        }
    }

    static void reencrypt(Connection c, String chatId, BlobCodec from, BlobCodec to) throws SQLException {
        for (StoredTransfer t : all(c, from, chatId)) {
            put(c, to, chatId, t.direction(), t.messageId().value(), t.state());
        }
    }
}
