package parley.store;

import java.nio.file.Path;
import java.util.Optional;
import parley.crypto.Csprng;
import parley.crypto.PassphraseKey;
import parley.crypto.SealedBox;
import parley.store.ProfileMeta.Contents;
import parley.store.ProfileMeta.PassphraseLock;

/**
 * Opening a profile. An existing one is first opened read-only, which writes nothing, to check its format version
 * and the passphrase: a wrong passphrase or a newer format leaves every byte of the profile as it was. Only then is
 * it opened for writing, checked again (another process may have changed it in between), and upgraded if older.
 */
final class ProfileOpening {
    @FunctionalInterface
    interface StoreFactory {
        ProfileStore create(ProfileDatabase db, BlobCodec codec);
    }

    private final Path dir;
    private final Optional<char[]> passphrase;
    // the Argon2id result is kept between the two checks: deriving costs a few hundred milliseconds
    private PassphraseKey.Params derivedWith;
    private byte[] derivedKey;

    private ProfileOpening(Path dir, Optional<char[]> passphrase) {
        this.dir = dir;
        this.passphrase = passphrase;
    }

    static ProfileStore open(Path dir, Optional<char[]> passphrase, PassphraseKey.Params paramsForNewProfile,
            StoreFactory factory) {
        ProfileOpening opening = new ProfileOpening(dir, passphrase);
        try {
            if (ProfileDatabase.exists(dir)) {
                try (ProfileDatabase readOnly = ProfileDatabase.openReadOnly(dir)) {
                    Optional<Contents> meta = readOnly.read(ProfileMeta::read);
                    if (meta.isPresent()) {
                        BlobCodec.wipe(opening.dataKey(meta.get()).orElse(null));
                    }
                }
            }
            ProfileDatabase db = ProfileDatabase.openReadWrite(dir);
            try {
                BlobCodec codec = opening.prepare(db, paramsForNewProfile);
                OwnerOnly.tighten(dir); // files H2 made while opening; already-loose ones were reported before
                return factory.create(db, codec);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        } finally {
            BlobCodec.wipe(opening.derivedKey);
        }
    }

    private BlobCodec prepare(ProfileDatabase db, PassphraseKey.Params paramsForNewProfile) {
        Optional<Contents> meta = db.read(ProfileMeta::read);
        if (meta.isEmpty()) {
            return create(db, paramsForNewProfile);
        }
        Optional<byte[]> dataKey = dataKey(meta.get());
        int version = meta.get().formatVersion();
        if (version < ProfileFormat.CURRENT) {
            db.write(c -> ProfileFormat.upgrade(c, version, ProfileFormat.STEPS));
        }
        if (dataKey.isEmpty()) {
            return BlobCodec.plain();
        }
        try {
            return BlobCodec.sealed(dataKey.get());
        } finally {
            BlobCodec.wipe(dataKey.get());
        }
    }

    /** A new profile, or one whose creation a crash cut short before its meta rows were committed. */
    private BlobCodec create(ProfileDatabase db, PassphraseKey.Params paramsForNewProfile) {
        db.define(c -> {
            ProfileFormat.createSchema(c);
            return null;
        });
        Optional<PassphraseLock> lock = Optional.empty();
        BlobCodec codec = BlobCodec.plain();
        if (passphrase.isPresent()) {
            PassphraseKey.Params params = paramsForNewProfile.withFreshSalt();
            byte[] dataKey = Csprng.bytes(SealedBox.KEY_BYTES);
            try {
                lock = Optional.of(PassphraseLock.seal(derive(params), params, dataKey));
                codec = BlobCodec.sealed(dataKey);
            } finally {
                BlobCodec.wipe(dataKey);
            }
        }
        Optional<PassphraseLock> toWrite = lock;
        try {
            db.write(c -> {
                ProfileMeta.write(c, ProfileFormat.CURRENT, toWrite);
                return null;
            });
        } catch (RuntimeException e) {
            codec.destroy();
            throw e;
        }
        return codec;
    }

    /**
     * Checks the version and the passphrase against the meta rows.
     *
     * @return the data key for an encrypted profile (the caller wipes it), empty for a profile without passphrase
     */
    private Optional<byte[]> dataKey(Contents meta) {
        if (meta.formatVersion() > ProfileFormat.CURRENT) {
            throw new NewerProfileFormatException(dir, meta.formatVersion(), ProfileFormat.CURRENT);
        }
        if (meta.formatVersion() < 1) {
            throw new StoreException("profile " + dir + " has an invalid format version " + meta.formatVersion());
        }
        if (meta.lock().isEmpty()) {
            if (passphrase.isPresent()) {
                throw new StoreException("profile " + dir + " has no passphrase: open it without one; a passphrase"
                        + " can be set once it is open");
            }
            return Optional.empty();
        }
        if (passphrase.isEmpty()) {
            throw new PassphraseRequiredException(dir);
        }
        PassphraseLock lock = meta.lock().get();
        return Optional.of(ProfilePassphrase.unlock(dir, lock, derive(lock.params())));
    }

    private byte[] derive(PassphraseKey.Params params) {
        if (derivedKey == null || !params.equals(derivedWith)) {
            BlobCodec.wipe(derivedKey);
            derivedKey = PassphraseKey.derive(passphrase.orElseThrow(), params);
            derivedWith = params;
        }
        return derivedKey;
    }
}
