package dev.portico.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A headless Chromium for console tests, one fresh browser (and profile) per test. Register it as a
 * static field with {@code @RegisterExtension} (static, so a missing browser skips the class before
 * Portico boots); in a Spring Boot test on a random port it points itself at the running Portico.
 * Test methods run one after another; the browser is not meant for parallel tests.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromium-driver} and nothing downloaded. When they
 * are not installed the tests are skipped with a message, unless {@code PORTICO_E2E=required} (set
 * by {@code .ci/run}), where that is a failure. Every {@link #step} and every failure leaves a
 * screenshot under {@code PORTICO_E2E_SCREENSHOTS} (default {@code target/e2e}).
 */
public final class Browser
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        TestExecutionExceptionHandler {

  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final String MISSING =
      "browser tests need Debian's chromium and chromium-driver ("
          + CHROMIUM
          + ", "
          + CHROMEDRIVER
          + "): apt-get install chromium chromium-driver";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Logger log = LoggerFactory.getLogger(Browser.class);

  private WebDriver driver;
  private WebDriverWait wait;
  private Path profile;
  private Path screenshots;
  private String baseUrl = "http://localhost:8080";
  private int steps;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!installed() && !required()) {
      // Surefire counts a class skipped in beforeAll as "0 tests", so say it where it is seen.
      log.warn("{} skipped: {}", context.getRequiredTestClass().getSimpleName(), MISSING);
    }
    requireChromium();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    requireChromium();
    screenshots =
        screenshotRoot()
            .resolve(context.getRequiredTestClass().getSimpleName())
            .resolve(context.getTestMethod().map(Method::getName).orElse("test"));
    deleteRecursively(screenshots);
    Files.createDirectories(screenshots);
    profile = Path.of("target", "e2e-profiles", UUID.randomUUID().toString()).toAbsolutePath();
    Files.createDirectories(profile);
    driver = new ChromeDriver(driverService(), options(profile));
    wait = new WebDriverWait(driver, WAIT);
    wait.ignoring(StaleElementReferenceException.class);
    steps = 0;
    springPort(context).ifPresent(port -> baseUrl = "http://localhost:" + port);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (driver != null && !(failure instanceof TestAbortedException)) {
      try {
        screenshot("FAILED");
        Files.writeString(
            screenshots.resolve(String.format("%02d-FAILED.html", steps)),
            driver.getPageSource(),
            StandardCharsets.UTF_8);
      } catch (RuntimeException | IOException e) {
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (profile != null) {
      deleteRecursively(profile);
    }
  }

  // ------------------------------------------------------------------ what tests use

  /** Opens a console path (e.g. {@code /login}) and waits for the page to load. */
  public void open(String path) {
    driver.get(baseUrl + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
  }

  /** Waits until the element is visible and returns it. */
  public WebElement waitFor(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Waits until the element shows this text. */
  public void waitForText(By locator, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** Waits for any condition, e.g. {@code ExpectedConditions.urlMatches(...)}. */
  public <T> T waitUntil(ExpectedCondition<T> condition) {
    return wait.until(condition);
  }

  /**
   * Clicks an element once it is clickable. Follow with an explicit wait for what it changes. An
   * element replaced between the lookup and the click (htmx swapping search results as the user
   * types) is looked up again rather than failing the test.
   */
  public void click(By locator) {
    wait.until(
        driver -> {
          WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
          if (element == null) {
            return false;
          }
          element.click();
          return true;
        });
  }

  /** Replaces the text of an input. */
  public void type(By locator, String text) {
    wait.until(
        driver -> {
          WebElement input = ExpectedConditions.visibilityOfElementLocated(locator).apply(driver);
          if (input == null) {
            return false;
          }
          input.clear();
          input.sendKeys(text);
          return true;
        });
  }

  /** Chooses an option of a select by its value, then lets htmx finish what the change began. */
  public void choose(By locator, String value) {
    wait.until(
        driver -> {
          WebElement select = ExpectedConditions.visibilityOfElementLocated(locator).apply(driver);
          if (select == null) {
            return false;
          }
          new Select(select).selectByValue(value);
          return true;
        });
    settle();
  }

  /**
   * Waits until no htmx request, swap or settle is under way, so that a field typed into next is
   * not replaced by the answer to a change made just before (a select with {@code hx-trigger
   * change} starts its request synchronously, inside the change event).
   */
  public void settle() {
    wait.until(
        driver ->
            (Boolean)
                ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript(
                        "return !document.querySelector("
                            + "'.htmx-request, .htmx-swapping, .htmx-settling');"));
  }

  /** The current path of the page, without host and query. */
  public String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  public String pageSource() {
    return driver.getPageSource();
  }

  /** Saves a numbered screenshot of this step of the test. */
  public Path step(String name) {
    steps++;
    return screenshot(name);
  }

  public WebDriver driver() {
    return driver;
  }

  // ------------------------------------------------------------------ set-up

  /** The service exactly as DESIGN.md prescribes: Debian's chromedriver, nothing downloaded. */
  private static ChromeDriverService driverService() {
    return new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort()
        .build();
  }

  private static ChromeOptions options(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.getPath());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    return options;
  }

  private static void requireChromium() {
    if (required()) {
      if (!installed()) {
        throw new IllegalStateException(MISSING + " (PORTICO_E2E=required, so this fails)");
      }
      return;
    }
    Assumptions.assumeTrue(installed(), MISSING + "; skipped");
  }

  private static boolean installed() {
    return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
  }

  private static boolean required() {
    return "required".equalsIgnoreCase(System.getenv("PORTICO_E2E"));
  }

  private static java.util.Optional<Integer> springPort(ExtensionContext context) {
    if (!org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(
        context.getRequiredTestClass(),
        org.springframework.boot.test.context.SpringBootTest.class)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(
        SpringExtension.getApplicationContext(context)
            .getEnvironment()
            .getProperty("local.server.port", Integer.class));
  }

  private static Path screenshotRoot() {
    String configured = System.getenv("PORTICO_E2E_SCREENSHOTS");
    return configured == null || configured.isBlank()
        ? Path.of("target", "e2e")
        : Path.of(configured);
  }

  private Path screenshot(String name) {
    Path file = screenshots.resolve(String.format("%02d-%s.png", steps, name));
    try {
      Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover profile under target/ is harmless
    }
  }
}
