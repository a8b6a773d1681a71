package cn.etdz.e2e.console;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven through its chromedriver, with the checks every console test needs: waits,
 * screenshots under {@code target/console-screenshots/}, and axe-core's accessibility rules.
 */
final class Browser implements AutoCloseable {

    /** A laptop screen the console must be usable on. */
    static final int WIDTH = 1366;
    static final int HEIGHT = 768;
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * Skips the calling test (a JUnit assumption naming what is missing) when chromium or chromedriver is not
     * installed; {@code .ci/run} installs both, so CI always runs these tests.
     */
    static void assumeInstalled() {
        assumeTrue(executable("chromium").isPresent(),
                "Browser tests skipped: chromium is not installed (apt-get install -y chromium chromium-driver)");
        assumeTrue(executable("chromedriver").isPresent(),
                "Browser tests skipped: chromedriver is not installed (apt-get install -y chromium-driver)");
    }

    static Browser open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium").orElseThrow().toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("chromedriver").orElseThrow().toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** An executable on the PATH (Debian puts both in /usr/bin). */
    private static Optional<Path> executable(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement await(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void awaitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Waits until no section of the screen is still loading. */
    void awaitLoaded() {
        wait.until(d -> d.findElements(By.cssSelector("[aria-busy], .loading")).isEmpty());
    }

    /** Waits until a script returns true. */
    void awaitScript(String script) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }

    /** Waits until a chart's canvas has drawn pixels (an empty canvas is fully transparent). */
    void awaitDrawn(String canvas) {
        await(By.cssSelector(canvas));
        wait.until(d -> ((Number) script("""
                const canvas = document.querySelector(arguments[0]);
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let drawn = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) drawn++; }
                return drawn;""", canvas)).longValue() > 2000);
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Saves the whole page as {@code target/console-screenshots/<name>.png}, at the window's width and as tall as the
     * page, so what is below the fold can be looked at too.
     */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) {
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh, empty folder the browser saves downloads into from now on, as a person's downloads folder, so a test
     * reads the file the console saved.
     */
    Path downloadsInto(String name) {
        try {
            Path folder = Files.createTempDirectory("console-downloads-" + name + "-");
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one file saved in a downloads folder, once the browser has finished writing it. */
    Path awaitDownload(Path folder) {
        return wait.until(d -> {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> saved = files.toList();
                boolean complete = saved.size() == 1 && !saved.get(0).getFileName().toString().endsWith(".crdownload")
                        && Files.size(saved.get(0)) > 0;
                return complete ? saved.get(0) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** axe-core's rules on the screen as it is now: no serious or critical violation. */
    void assertAccessible(String screen) {
        List<Rule> violations = new AxeBuilder().analyze(driver).getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(violations)
                .as(() -> screen + ": " + violations.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): "
                        + rule.getHelp() + " at " + rule.getNodes().stream().map(node -> node.getTarget().toString())
                        .toList()).toList())
                .isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
