package dev.stackadvisor.widget;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, with a fresh profile. Selenium cannot
 * download drivers here, so both are given by path; when either is missing the tests are skipped (not failed)
 * with the command that installs them. {@code .ci/run} installs them when it can.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Extractive answers take milliseconds; waits are bounded only so a hang fails instead of blocking. */
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether Debian's chromium and chromium-driver are installed. */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Skips the calling test when the browser is missing. Call it per test ({@code @BeforeEach}): Surefire
     * reports an assumption that fails in {@code @BeforeAll} as zero tests run, without the reason.
     */
    static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), "skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                + "; install them with: apt-get install -y --no-install-recommends chromium chromium-driver");
    }

    /** Starts the browser, or returns null when it is not installed (the tests then skip themselves). */
    static HeadlessChromium startIfInstalled() {
        if (!installed()) {
            return null;
        }
        try {
            Path profile = Files.createTempDirectory("widget-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--window-size=1200,1100");
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // so tests can fail on script errors
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The widget's shadow root on the current page, once the script has mounted it. */
    SearchContext widget() {
        return new WebDriverWait(driver, WAIT).ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(By.cssSelector("stack-advisor-widget")).getShadowRoot());
    }

    /** The text of the widget's alert region ("" when there is no error). */
    static String alertText(SearchContext widget) {
        return widget.findElement(By.cssSelector("[role='alert']")).getText();
    }

    /** Waits for the widget to show an error and returns it. */
    String waitForAlert(SearchContext widget) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            String text = alertText(widget);
            return text.isEmpty() ? null : text;
        });
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
