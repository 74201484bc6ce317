package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.chat.ChatEvent;
import parley.chat.PendingInvite;
import parley.crypto.SafetyCode;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * The browser client's camera scans (getUserMedia + jsQR) in real headless Chromium, whose fake camera films a
 * {@link FakeCamera} file: the desktop core's invite QR (join, then messages both ways), a QR that is no Parley
 * invite, and the desktop's safety QR (a wrong one warns, the right one verifies); with no code in view the camera
 * keeps looking until the user stops it. Screenshots go to
 * {@code target/screenshots/}.
 */
@ExtendWith(BrokerStackExtension.class)
class CameraScanIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theBrowserScansTheDesktopsInviteAndSafetyCodeWithItsCamera(BrokerStack stack) throws Exception {
        try (Desktop desktop = Desktop.start(stack, "Desk Top")) {
            PendingInvite invite = desktop.service.createInvite(Optional.empty()).get();
            FakeCamera camera = FakeCamera.showing(invite.link());
            try (Browser browser = Browser.start(stack, 1100, 1000, List.of(), camera.chromiumFlags())) {
                browser.open(stack.httpsUri().toString());
                browser.find("#open-join").click();
                assertThat(browser.find("#pane .join-link").getAttribute("value")).isEmpty();
                browser.find("#pane .scan").click();
                awaitScanned(browser, "#pane .join-from");
                assertThat(browser.find("#pane .join-from").getText()).isEqualTo("Invite from Desk Top");
                assertThat(browser.find("#pane .join-link").getAttribute("value"))
                        .as("the camera read the desktop's whole link").isEqualTo(invite.link());
                assertThat(browser.find("#pane .scanner").isDisplayed()).as("the camera view closes").isFalse();
                assertThat(cameraTracksLive(browser)).as("the camera is released after the scan").isZero();
                browser.screenshot("camera-1-invite-scanned");

                browser.find("#pane .join-button").click();
                WebClientIT.awaitActive(browser);
                desktop.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
                assertThat(browser.find("#pane .chat-name").getText()).isEqualTo("Desk Top");
                desktop.service.send(invite.chat(), "seen through your camera 📷").get();
                WebClientIT.awaitIncoming(browser, List.of("seen through your camera 📷"));
                browser.typeAndSend("joined by scanning 🦊");
                WebClientIT.awaitOutgoing(browser, 1);
                desktop.awaitReceived(invite.chat(), "joined by scanning 🦊", WAIT);
                WebClientIT.awaitOutgoingDelivered(browser, 1);
                WebClientIT.awaitDesktopDelivered(desktop, 1);
                browser.screenshot("camera-2-chat");

                // the safety code: first someone else's (one digit off) is filmed, then the desktop's own
                SafetyCode code = desktop.service.safetyCode(invite.chat()).get();
                String wrong = code.digits().substring(0, 19) + (char) ('0' + (code.digits().charAt(19) - '0' + 1) % 10);
                camera.show(SafetyCode.fromDigits(wrong).qrText());
                browser.find("#pane .chat-info").click();
                browser.until(WAIT, d -> browser.findAll("#pane .scan-safety").size() == 1);
                browser.find("#pane .scan-safety").click();
                awaitScanned(browser, "#pane .safety-warning");
                assertThat(browser.find("#pane .safety-warning").getText()).contains("The safety codes differ");
                assertThat(browser.find("#pane .verified-badge").isDisplayed()).isFalse();
                browser.screenshot("camera-3-safety-mismatch");

                camera.show(code.qrText());
                browser.find("#pane .scan-safety").click();
                awaitScanned(browser, "#pane .safety-ok");
                assertThat(browser.find("#pane .safety-warning").isDisplayed()).isFalse();
                assertThat(browser.find("#pane .verified-badge").isDisplayed()).isTrue();
                browser.until(WAIT, d -> browser.findAll("#chat-list .verified-badge").size() == 1);
                assertThat(cameraTracksLive(browser)).isZero();
                browser.screenshot("camera-4-safety-verified");
            } finally {
                Files.deleteIfExists(camera.file);
            }
        }
    }

    @Test
    void aScannedQrCodeThatIsNoParleyInviteSaysSo(BrokerStack stack) throws Exception {
        FakeCamera camera = FakeCamera.showing("https://example.org/menu?table=12");
        try (Browser browser = Browser.start(stack, 412, 915, List.of(), camera.chromiumFlags())) {
            browser.open(stack.httpsUri().toString());
            browser.find("#open-join").click();
            browser.find("#pane .scan").click();
            awaitScanned(browser, "#pane .join-view .error");
            assertThat(browser.find("#pane .join-view .error").getText()).isEqualTo("this is not a Parley invite");
            assertThat(browser.find("#pane .join-link").getAttribute("value"))
                    .isEqualTo("https://example.org/menu?table=12");
            assertThat(browser.find("#pane .join-from").isDisplayed()).isFalse();
            assertThat(browser.findAll("#chat-list li")).as("nothing was joined").isEmpty();
            browser.screenshot("camera-5-not-an-invite");
        } finally {
            Files.deleteIfExists(camera.file);
        }
    }

    @Test
    void withNoCodeInViewTheCameraKeepsLookingUntilTheUserStopsIt(BrokerStack stack) throws Exception {
        FakeCamera camera = FakeCamera.empty();
        try (Browser browser = Browser.start(stack, 1100, 1000, List.of(), camera.chromiumFlags())) {
            browser.open(stack.httpsUri().toString());
            browser.find("#open-join").click();
            browser.find("#pane .scan").click();
            browser.until(WAIT, d -> (Long) browser.script("return document.querySelector('#pane video.camera')"
                    + ".videoWidth;") == FakeCamera.WIDTH);
            assertThat(browser.find("#pane .scanner").isDisplayed()).as("the camera view is open").isTrue();
            assertThat(cameraTracksLive(browser)).isEqualTo(1);
            Thread.sleep(1000); // a second of frames with no code in them
            assertThat(browser.find("#pane .join-link").getAttribute("value")).isEmpty();
            assertThat(browser.find("#pane .join-view .error").isDisplayed()).isFalse();
            browser.screenshot("camera-6-looking");

            browser.find("#pane .stop-scan").click();
            browser.until(WAIT, d -> !browser.find("#pane .scanner").isDisplayed());
            assertThat(cameraTracksLive(browser)).as("Stop camera releases it").isZero();
        } finally {
            Files.deleteIfExists(camera.file);
        }
    }

    /** Waits until the scan shows {@code css}; else fails with what the page shows and logged (camera errors). */
    private static void awaitScanned(Browser browser, String css) {
        try {
            browser.until(WAIT, d -> browser.find(css).isDisplayed());
        } catch (RuntimeException e) {
            throw new AssertionError("the camera scan never showed " + css + "; the pane says '"
                    + browser.find("#pane").getText() + "'; console: " + browser.console(), e);
        }
    }

    /** Camera tracks the page still holds open (the video element's stream): none once a scan is done. */
    private static long cameraTracksLive(Browser browser) {
        return (Long) browser.script("return [...document.querySelectorAll('video.camera')].filter(v => v.srcObject)"
                + ".flatMap(v => v.srcObject.getTracks()).filter(t => t.readyState === 'live').length;");
    }
}
