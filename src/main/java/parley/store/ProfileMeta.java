package parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import parley.crypto.AtRestException;
import parley.crypto.Base64Url;
import parley.crypto.PassphraseKey;
import parley.crypto.SealedBox;

/**
 * The {@code meta} table: name/value rows for the format version and, when the profile has a passphrase, the
 * Argon2id parameters and the data key sealed under the passphrase key. The data key (not the passphrase key)
 * seals the blobs, so a later change of cost or salt needs no re-encryption.
 */
final class ProfileMeta {
    static final String FORMAT_VERSION = "format_version";
    private static final String KDF = "kdf";
    private static final String KDF_MEMORY = "kdf_memory_kib";
    private static final String KDF_ITERATIONS = "kdf_iterations";
    private static final String KDF_PARALLELISM = "kdf_parallelism";
    private static final String KDF_SALT = "kdf_salt";
    private static final String DATA_KEY = "data_key";
    private static final String ARGON2ID = "argon2id";

    private ProfileMeta() {}

    /** The passphrase's Argon2id parameters and the data key sealed under the key derived with them. */
    record PassphraseLock(PassphraseKey.Params params, byte[] sealedDataKey) {
        static PassphraseLock seal(byte[] passphraseKey, PassphraseKey.Params params, byte[] dataKey) {
            SealedBox box = SealedBox.of(passphraseKey);
            try {
                return new PassphraseLock(params, box.seal(dataKey, AssociatedData.dataKey()));
            } finally {
                box.destroy();
            }
        }

        /** @throws AtRestException when {@code passphraseKey} came from the wrong passphrase */
        byte[] open(byte[] passphraseKey) throws AtRestException {
            SealedBox box = SealedBox.of(passphraseKey);
            try {
                return box.open(sealedDataKey, AssociatedData.dataKey());
            } finally {
                box.destroy();
            }
        }

        @Override
        public String toString() {
            return "PassphraseLock[" + params + "]";
        }
    }

    record Contents(int formatVersion, Optional<PassphraseLock> lock) {}

    /** The meta rows, or empty for a profile whose creation never finished (no table, or no version row). */
    static Optional<Contents> read(Connection c) throws SQLException {
        try (ResultSet tables = c.getMetaData().getTables(null, "PUBLIC", "META", null)) {
            if (!tables.next()) {
                return Optional.empty();
            }
        }
        Map<String, String> rows = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT name, val FROM meta");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        if (!rows.containsKey(FORMAT_VERSION)) {
            return Optional.empty();
        }
        int version = number(rows, FORMAT_VERSION);
        if (!rows.containsKey(DATA_KEY)) {
            return Optional.of(new Contents(version, Optional.empty()));
        }
        if (!ARGON2ID.equals(rows.get(KDF))) {
            throw damaged(KDF);
        }
        try {
            PassphraseKey.Params params = new PassphraseKey.Params(number(rows, KDF_MEMORY),
                    number(rows, KDF_ITERATIONS), number(rows, KDF_PARALLELISM),
                    Base64Url.decode(KDF_SALT, rows.get(KDF_SALT), PassphraseKey.SALT_BYTES));
            byte[] sealedKey = Base64Url.decode(DATA_KEY, rows.get(DATA_KEY),
                    SealedBox.OVERHEAD + SealedBox.KEY_BYTES);
            return Optional.of(new Contents(version, Optional.of(new PassphraseLock(params, sealedKey))));
        } catch (IllegalArgumentException e) {
            throw new StoreException("the profile's key record is damaged: " + e.getMessage(), e);
        }
    }

    /** Writes the version and the lock (or removes a lock), in the caller's transaction. */
    static void write(Connection c, int formatVersion, Optional<PassphraseLock> lock) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM meta WHERE name <> ?")) {
            delete.setString(1, FORMAT_VERSION);
            delete.executeUpdate();
        }
        put(c, FORMAT_VERSION, Integer.toString(formatVersion));
        if (lock.isPresent()) {
            PassphraseKey.Params p = lock.get().params();
            put(c, KDF, ARGON2ID);
            put(c, KDF_MEMORY, Integer.toString(p.memoryKiB()));
            put(c, KDF_ITERATIONS, Integer.toString(p.iterations()));
            put(c, KDF_PARALLELISM, Integer.toString(p.parallelism()));
            put(c, KDF_SALT, Base64Url.encode(p.salt()));
            put(c, DATA_KEY, Base64Url.encode(lock.get().sealedDataKey()));
        }
    }

    static void writeVersion(Connection c, int formatVersion) throws SQLException {
        put(c, FORMAT_VERSION, Integer.toString(formatVersion));
    }

    private static void put(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO meta (name, val) KEY (name) VALUES (?, ?)")) {
            merge.setString(1, name);
            merge.setString(2, value);
            merge.executeUpdate();
        }
    }

    private static int number(Map<String, String> rows, String name) {
        try {
            return Integer.parseInt(rows.get(name));
        } catch (NumberFormatException e) {
            throw damaged(name);
        }
    }

    private static StoreException damaged(String name) {
        return new StoreException("the profile's meta row " + name + " is missing or damaged");
    }
}
