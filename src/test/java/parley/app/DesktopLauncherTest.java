package parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code parley gui}'s arguments: scripts/run's first-run defaults, and a stray argument refused without echo. */
class DesktopLauncherTest {
    @Test
    void theFirstRunDefaultsComeInBothFormsBesideTheOtherOptions() {
        DesktopLauncher.Arguments a = DesktopLauncher.parse(new String[] {"gui", "--profile", "/tmp/alice",
                "--server", "mqtts://localhost:8883", "--web=https://localhost:8443/", "--ca", "/repo/keys/ca.pem"});
        assertThat(a.profile()).contains(Path.of("/tmp/alice"));
        assertThat(a.firstRun().server()).contains("mqtts://localhost:8883");
        assertThat(a.firstRun().web()).contains("https://localhost:8443/");
        assertThat(a.firstRun().caFile()).contains("/repo/keys/ca.pem");
        assertThat(DesktopLauncher.parse(new String[] {"gui"}).firstRun().server()).isEqualTo(Optional.empty());
    }

    @Test
    void anUnknownArgumentIsNamedByItsPlaceNotItsText() {
        assertThatThrownBy(() -> DesktopLauncher.parse(new String[] {"gui", "https://x#parley=1&k=SECRET"}))
                .hasMessageContaining("unknown argument number 2").hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> DesktopLauncher.parse(new String[] {"gui", "--serverr", "x"}))
                .hasMessageContaining("'--serverr'");
    }
}
