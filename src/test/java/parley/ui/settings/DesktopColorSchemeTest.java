package parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesktopColorSchemeTest {

    @Test
    void readsThePortalsAnswer() {
        assertThat(DesktopColorScheme.parse("(<<uint32 1>>,)\n")).contains(true);
        assertThat(DesktopColorScheme.parse("(<<uint32 2>>,)\n")).contains(false);
    }

    @Test
    void noPreferenceOrAnErrorFollowsNothing() {
        assertThat(DesktopColorScheme.parse("(<<uint32 0>>,)")).isEmpty();
        assertThat(DesktopColorScheme.parse("Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown")).isEmpty();
    }

    @Test
    void aThemeChoiceFollowsTheDesktopOnlyWhenAskedTo() {
        assertThat(ThemeChoice.SYSTEM.dark(Optional.of(true))).isTrue();
        assertThat(ThemeChoice.SYSTEM.dark(Optional.empty())).isFalse();
        assertThat(ThemeChoice.LIGHT.dark(Optional.of(true))).isFalse();
        assertThat(ThemeChoice.DARK.dark(Optional.of(false))).isTrue();
        assertThat(ThemeChoice.parse(Optional.of("dark"))).isEqualTo(ThemeChoice.DARK);
        assertThat(ThemeChoice.parse(Optional.of("purple"))).isEqualTo(ThemeChoice.SYSTEM);
    }
}
