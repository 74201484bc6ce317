package parley.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.h2.api.ErrorCode;

/**
 * The profile's embedded H2 database: one file, {@code parley.mv.db}, and one JDBC connection. Not thread-safe:
 * {@link ProfileStore} serialises every call.
 *
 * <p>Durability: with {@code WRITE_DELAY=0} H2's transaction store writes the MVStore chunk inside {@code commit()}
 * (the background writer would otherwise hold commits for up to 500 ms), so a commit that returned survives a
 * {@code kill -9}. Each write transaction is then followed by {@code CHECKPOINT SYNC} (an fsync, ~0.2 ms measured
 * here) so it also survives a power cut; {@link #writeUnsynced} leaves that to the next {@link #sync} (group
 * commit). MVStore chunks carry checksums, and a torn last write is ignored on the next open.
 */
final class ProfileDatabase implements AutoCloseable {
    static final String FILE_NAME = "parley.mv.db";
    private static final String BASE_NAME = "parley";

    // No FILE_LOCK setting: MVStore's default is an OS lock on parley.mv.db itself, which the kernel drops when the
    // process dies. FILE_LOCK=FILE would add a parley.lock.db that outlives a kill -9 and locks the user out.
    // TRACE_LEVEL_FILE=0: no parley.trace.db, which would record SQL errors with ids in them.
    // DB_CLOSE_ON_EXIT=FALSE: ProfileStore closes the database; nothing is pending at exit anyway, and H2's own
    // shutdown hook would close it under threads that are still writing.
    private static final String OPTIONS = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final String READ_ONLY = ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path dir;
    private final String url;
    private Connection connection;
    /** A transaction committed since the last sync: {@link #sync} has work to do. */
    private boolean unsynced;

    private ProfileDatabase(Path dir, String url) {
        this.dir = dir;
        this.url = url;
        this.connection = connect();
    }

    /** Whether {@code dir} holds a database that got past its first write (an empty file is a new profile). */
    static boolean exists(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (java.io.IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens read-only, which writes nothing to the file: for checking a passphrase before anything changes. */
    static ProfileDatabase openReadOnly(Path dir) {
        return new ProfileDatabase(dir, baseUrl(dir) + OPTIONS + READ_ONLY);
    }

    static ProfileDatabase openReadWrite(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            // H2 would create the file with the process umask; an empty file it finds is taken as a new store
            OwnerOnly.createFile(file);
        }
        return new ProfileDatabase(dir, baseUrl(dir) + OPTIONS);
    }

    private static String baseUrl(Path dir) {
        String path = dir.resolve(BASE_NAME).toString();
        if (path.indexOf(';') >= 0) {
            throw new StoreException("profile directory " + dir + " has a ';' in its path, which H2 cannot open");
        }
        return "jdbc:h2:file:" + path;
    }

    <T> T read(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs {@code work} in one transaction, durable on disk when this returns. */
    <T> T write(Work<T> work) {
        T result = writeUnsynced(work);
        sync();
        return result;
    }

    /**
     * Runs {@code work} in one transaction that survives the process being killed (the commit writes the file) but
     * not a power cut before the OS flushes it: for updates whose loss is harmless, saving a disk sync each.
     */
    <T> T writeUnsynced(Work<T> work) {
        T result;
        try {
            connection.setAutoCommit(false);
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        unsynced = true;
        return result;
    }

    /** Runs DDL, which H2 commits on its own. */
    void define(Work<Void> work) {
        read(work);
        unsynced = true;
        sync();
    }

    /**
     * Rewrites the file with only the live data ({@code SHUTDOWN COMPACT}: H2 copies the live pages to a new file
     * and renames it over the old one), so deleted rows no longer sit in freed pages of the file. Then reopens.
     */
    void compact() {
        try (Statement s = connection.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw failure(e);
        }
        connection = connect();
        OwnerOnly.tighten(dir);
    }

    /** Makes every committed transaction survive a power cut (one fsync); does nothing when none is pending. */
    void sync() {
        if (!unsynced) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw failure(e);
        }
        unsynced = false;
    }

    private Connection connect() {
        Properties credentials = new Properties();
        // the file's access control is the OS's; H2's own user only has to match what created it
        credentials.setProperty("user", "parley");
        credentials.setProperty("password", "");
        try {
            return DriverManager.getConnection(url, credentials);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private StoreException failure(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new ProfileInUseException(dir, e);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.FILE_ENCRYPTION_ERROR_1 ->
                    new StoreException("the profile database " + dir.resolve(FILE_NAME)
                            + " is damaged or not a Parley profile: " + e.getMessage(), e);
            default -> new StoreException("profile database error in " + dir + ": " + e.getMessage(), e);
        };
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
