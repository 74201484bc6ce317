package parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.ui.profile.DesktopProfile;
import parley.ui.profile.ProfileLockedException;

/**
 * The desktop's passphrase calls on a real profile store, at the real Argon2id cost: what Settings relies on to
 * check the current passphrase and to set, change and remove it.
 */
class DesktopProfileWiringTest {
    @TempDir
    Path tmp;

    @Test
    void setCheckChangeAndRemoveThePassphrase() {
        Path dir = tmp.resolve("ada");
        DesktopProfile profile = DesktopLauncher.profileAt(dir);
        assertThat(profile.open(Optional.empty())).as("a new profile has no settings").isEmpty();
        assertThat(profile.hasPassphrase()).isFalse();
        assertThat(profile.checkPassphrase("anything".toCharArray())).as("no passphrase to match").isFalse();

        profile.changePassphrase(Optional.of("first one".toCharArray()));
        assertThat(profile.hasPassphrase()).isTrue();
        assertThat(profile.checkPassphrase("first one".toCharArray())).isTrue();
        assertThat(profile.checkPassphrase("first two".toCharArray())).isFalse();
        profile.close();

        assertThatThrownBy(() -> profile.open(Optional.empty())).isInstanceOf(ProfileLockedException.class)
                .extracting(e -> ((ProfileLockedException) e).reason()).isEqualTo(ProfileLockedException.Reason.NEEDED);
        assertThatThrownBy(() -> profile.open(Optional.of("first two".toCharArray())))
                .isInstanceOf(ProfileLockedException.class)
                .extracting(e -> ((ProfileLockedException) e).reason()).isEqualTo(ProfileLockedException.Reason.WRONG);
        profile.open(Optional.of("first one".toCharArray()));
        profile.changePassphrase(Optional.of("second one".toCharArray()));
        assertThat(profile.checkPassphrase("first one".toCharArray())).as("the old one after the change").isFalse();
        assertThat(profile.checkPassphrase("second one".toCharArray())).isTrue();
        profile.changePassphrase(Optional.empty());
        assertThat(profile.hasPassphrase()).isFalse();
        assertThat(profile.checkPassphrase("second one".toCharArray())).as("after the removal").isFalse();
        profile.close();

        profile.open(Optional.empty());
        assertThat(profile.hasPassphrase()).isFalse();
        profile.close();
    }
}
