package parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the {@code settings} table: profile-wide values by key, sealed like every other blob. */
final class SettingTable {
    private SettingTable() {}

    static void put(Connection c, BlobCodec codec, String key, byte[] value) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO settings (name, val) KEY (name) VALUES (?, ?)")) {
            merge.setString(1, key);
            merge.setBytes(2, codec.encode(value, AssociatedData.setting(key)));
            merge.executeUpdate();
        }
    }

    static Optional<byte[]> get(Connection c, BlobCodec codec, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT val FROM settings WHERE name = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(codec.decode(rs.getBytes(1), AssociatedData.setting(key)))
                        : Optional.empty();
            }
        }
    }

    static void reencrypt(Connection c, BlobCodec from, BlobCodec to) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT name FROM settings");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        for (String key : keys) {
            put(c, to, key, get(c, from, key).orElseThrow());
        }
    }
}
