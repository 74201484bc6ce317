package parley.store;

import java.nio.file.Path;
import java.util.Optional;
import parley.crypto.AtRestException;
import parley.crypto.Csprng;
import parley.crypto.PassphraseKey;
import parley.crypto.SealedBox;
import parley.store.ProfileMeta.PassphraseLock;

/**
 * The passphrase of an open profile: the codec and lock a new passphrase (or none) gives, the one-transaction
 * rewrite of every blob under it, and the check of a typed passphrase against the stored lock.
 */
final class ProfilePassphrase {
    /** What a passphrase change writes: the new lock (none without a passphrase) and the codec under it. */
    record Next(Optional<PassphraseLock> lock, BlobCodec codec) {}

    private ProfilePassphrase() {}

    /** Derives the key for {@code passphrase} and seals a fresh data key with it; slow (Argon2id), no lock held. */
    static Next prepare(Optional<char[]> passphrase, PassphraseKey.Params paramsForNew) {
        if (passphrase.isEmpty()) {
            return new Next(Optional.empty(), BlobCodec.plain());
        }
        PassphraseKey.Params params = paramsForNew.withFreshSalt();
        byte[] passphraseKey = PassphraseKey.derive(passphrase.get(), params);
        byte[] dataKey = Csprng.bytes(SealedBox.KEY_BYTES);
        try {
            return new Next(Optional.of(PassphraseLock.seal(passphraseKey, params, dataKey)), BlobCodec.sealed(dataKey));
        } finally {
            BlobCodec.wipe(passphraseKey);
            BlobCodec.wipe(dataKey);
        }
    }

    /**
     * Re-writes every blob from {@code from} to the next codec in one transaction, so a crash leaves the old
     * state; the caller compacts the file afterwards so the old copies are gone from it.
     */
    static void rewrite(ProfileDatabase db, BlobCodec from, Next next) {
        BlobCodec to = next.codec();
        try {
            db.write(c -> {
                ChatTable.reencrypt(c, from, to);
                SettingTable.reencrypt(c, from, to);
                for (String chatId : ChatTable.ids(c)) {
                    MessageTable.reencrypt(c, chatId, from, to);
                    TransferTable.reencrypt(c, chatId, from, to);
                }
                ProfileMeta.write(c, ProfileFormat.CURRENT, next.lock());
                return null;
            });
        } catch (RuntimeException e) {
            to.destroy();
            throw e;
        }
    }

    /** Whether {@code passphrase} opens {@code current}; false without a lock, for empty or non-Unicode input. */
    static boolean unlocks(Optional<PassphraseLock> current, char[] passphrase) {
        if (current.isEmpty() || passphrase.length == 0) {
            return false;
        }
        byte[] passphraseKey;
        try {
            passphraseKey = PassphraseKey.derive(passphrase, current.get().params());
        } catch (IllegalArgumentException notUnicode) {
            return false;
        }
        try {
            BlobCodec.wipe(current.get().open(passphraseKey));
            return true;
        } catch (AtRestException wrong) {
            return false;
        } finally {
            BlobCodec.wipe(passphraseKey);
        }
    }

    /** Unwraps the data key of an encrypted profile; a wrong passphrase shows as a failed tag. */
    static byte[] unlock(Path dir, PassphraseLock passphraseLock, byte[] passphraseKey) {
        try {
            return passphraseLock.open(passphraseKey);
        } catch (AtRestException e) {
            throw new WrongPassphraseException(dir);
        }
    }
}
