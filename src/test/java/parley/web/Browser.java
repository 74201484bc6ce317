package parley.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import parley.testing.BrokerStack;

/**
 * A headless Debian Chromium driven by chromedriver, with a fresh profile (so fresh IndexedDB) and trust in exactly
 * the stack's server key (its SPKI hash: the dev CA is not in the system store, and no trust-all flag is used).
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser window of the given size (a phone is 412 x 915). */
    public static Browser start(BrokerStack stack, int width, int height) {
        return start(stack, width, height, List.of(), List.of());
    }

    /**
     * The same, also trusting the servers of {@code otherServerCerts} (another broker's wss, e.g. a cluster's), with
     * more Chromium flags (e.g. a {@link FakeCamera}'s).
     */
    static Browser start(BrokerStack stack, int width, int height, List<Path> otherServerCerts, List<String> moreFlags) {
        List<String> spki = java.util.stream.Stream.concat(java.util.stream.Stream.of(stack.keysDir().resolve("server.pem")),
                otherServerCerts.stream()).map(Browser::spkiHash).toList();
        return start(CHROMEDRIVER, spki, width, height, moreFlags);
    }

    /**
     * A browser whose chromedriver is {@code chromedriver} (e.g. a wrapper that runs it on another host, a network
     * namespace), trusting the servers whose chains hold one of the keys in {@code spkiHashes} (Chromium matches the
     * leaf and the intermediates a server sends).
     */
    static Browser start(Path chromedriver, List<String> spkiHashes, int width, int height, List<String> moreFlags) {
        for (Path p : List.of(CHROMIUM, chromedriver)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: install the Debian packages chromium and chromium-driver");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("parley-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a Chromium profile dir", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--ignore-certificate-errors-spki-list=" + String.join(",", spkiHashes),
                "--window-size=" + width + "," + height);
        options.addArguments(moreFlags);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
                profile.resolve("downloads").toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver, profile);
    }

    /**
     * Resizes the window so that the page's viewport (what a phone's screen shows) is {@code width} x {@code height}:
     * the window size also counts the browser's own frame.
     */
    void viewport(int width, int height) {
        for (int attempt = 0; attempt < 3; attempt++) {
            @SuppressWarnings("unchecked")
            List<Number> inner = (List<Number>) script("return [innerWidth, innerHeight]");
            int dw = width - inner.get(0).intValue();
            int dh = height - inner.get(1).intValue();
            if (dw == 0 && dh == 0) return;
            Dimension outer = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(outer.width + dw, outer.height + dh));
        }
        throw new AssertionError("the viewport is not " + width + " x " + height + ": " + script(
                "return innerWidth + ' x ' + innerHeight"));
    }

    /** base64(SHA-256(SubjectPublicKeyInfo)) of the certificate in {@code pem}, as Chromium's flag wants it. */
    static String spkiHash(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (IOException | CertificateException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the server certificate " + pem, e);
        }
    }

    /** Opens a URL and waits until the client has started (or failed, which fails the test with its banner). */
    public void open(String url) {
        driver.get(url);
        awaitReady();
    }

    void reload() {
        driver.navigate().refresh();
        awaitReady();
    }

    private void awaitReady() {
        String state;
        try {
            state = until(Duration.ofSeconds(20), d -> d.findElement(By.tagName("body")).getAttribute("data-state"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the web client did not start within 20 s; console: " + console(), e);
        }
        if (!"ready".equals(state)) {
            throw new AssertionError("the web client did not start: " + text(By.id("banner")) + "; console: " + console());
        }
    }

    /** What the page logged (errors included): for failure messages. */
    public String console() {
        return driver.manage().logs().get("browser").getAll().stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    public <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        // a poll that reads a node the page has just re-rendered (a view going live, a list re-drawn) tries again
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** Waits until the open chat can send and is online (a join completed, a chat opened). */
    public void awaitChatActive(Duration timeout) {
        until(timeout, d -> findAll("#pane .send").size() == 1 && find("#pane .send").isEnabled());
        until(timeout, d -> "online".equals(find("#pane .chat-status").getAttribute("data-status")));
    }

    /** Types text the way a user would, via the value (chromedriver cannot type characters beyond the BMP). */
    public void typeAndSend(String text) {
        script("const i = document.querySelector('#pane .message-input'); i.value = arguments[0];"
                + "i.dispatchEvent(new Event('input', {bubbles: true}));", text);
        find("#pane .send").click();
    }

    /** Lets the page download files, into a folder of this browser's profile, which is returned. */
    Path allowDownloads() {
        Path dir = profile.resolve("downloads");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the download folder", e);
        }
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", dir.toString(), "eventsEnabled", true));
        return dir;
    }

    public void screenshot(String name) {
        Path dir = Path.of(System.getProperty("parley.buildDir", "target")).resolve("screenshots");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind harms nothing
            }
        }
    }
}
