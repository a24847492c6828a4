package org.markpoint.ui;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven headless through Debian's chromedriver; both paths are given so Selenium Manager never
 * looks for (or downloads) a browser or driver.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private static final Path CHROMIUM = Path.of(System.getProperty("ui.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("ui.chromedriver", "/usr/bin/chromedriver"));
    /** Where screenshots go; -Dui.screenshots=../docs/screenshots refreshes the README's pictures. */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("ui.screenshots", "target/screenshots"));

    private final Path profile;
    final ChromeDriver driver;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static Browser open() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the browser tests need Debian's Chromium: apt-get install chromium chromium-driver (.ci/run does)."
                    + " Missing: " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM));
        }
        Path profile = Files.createTempDirectory("markpoint-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(profile, driver);
    }

    WebDriverWait waiting() {
        // pages re-render on navigation, so an element found a moment ago may be gone: look again
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitForHeading(String heading) {
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }

    /** The element's text as written in the DOM (CSS upper-cases some labels on screen), spaces collapsed. */
    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getAttribute("textContent").replaceAll("\\s+", " ").strip();
    }

    /** Clicks, looking the element up again if a re-render replaced it under us. */
    void click(By target) {
        waiting().until(d -> {
            d.findElement(target).click();
            return true;
        });
    }

    /** An answer block's text as displayed, without the point numbers set after each highlight. */
    String answerAsShown(WebElement block) {
        return (String) js("const copy = arguments[0].cloneNode(true);"
                + "copy.querySelectorAll('sup').forEach(s => s.remove()); return copy.textContent;", block);
    }

    /** The id of the focused element ("" for none). */
    String focusedId() {
        return (String) js("return document.activeElement ? document.activeElement.id : ''");
    }

    /** Presses Tab, as a keyboard user does, until the element with this id has focus. */
    void tabTo(String id) {
        for (int i = 0; i < 80 && !id.equals(focusedId()); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        if (!id.equals(focusedId())) {
            fail("Tab never reached #%s (focus is on #%s)", id, focusedId());
        }
    }

    /** Types into whatever has focus, as a keyboard does. */
    void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Form controls in the page's main region that have neither a label nor an aria-label/-labelledby. */
    @SuppressWarnings("unchecked")
    List<String> unlabelledControls() {
        return (List<String>) js("return [...document.querySelectorAll('main input, main select, main textarea')]"
                + ".filter(c => c.type !== 'hidden' && c.labels.length === 0 && !c.getAttribute('aria-label')"
                + " && !c.getAttribute('aria-labelledby')).map(c => c.outerHTML.slice(0, 120));");
    }

    /** Whether the page lays out within the window's width (no sideways scrolling of the whole page). */
    boolean fitsWidth() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    /** The whole page at this width: the window grows to the page height for the shot, then goes back. */
    void screenshot(String name, Dimension size) throws IOException {
        driver.manage().window().setSize(size);
        // the window is taller than its viewport by the browser's own chrome; grow it so the viewport fits the page
        long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight"
                + " + window.outerHeight - window.innerHeight)")).longValue();
        driver.manage().window().setSize(new Dimension(size.width, (int) Math.min(Math.max(height, size.height), 4000)));
        js("window.scrollTo(0, 0)");
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(DESKTOP);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
