package dev.portico.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.support.ConsoleClient;
import dev.portico.support.EmbeddedPostgresSupport;
import dev.portico.support.TestAccounts;
import dev.portico.usage.UsageScenario;
import dev.portico.usage.UsageScenario.Seeded;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Company settings → Developer → API usage (USE-6) in a real browser: an admin of a company with
 * seeded counters opens the page from the navigation, sees the SVG chart, switches the breakdown to
 * API keys (htmx, with the URL following), and downloads the CSV through the same session. The
 * page's screenshot is also copied to {@code target/e2e/usage-page.png}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "portico.demo=true")
@ContextConfiguration(initializers = EmbeddedPostgresSupport.Initializer.class)
class UsagePageBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired UsageScenario scenario;

  @Test
  void adminSeesTheChartSwitchesTheBreakdownAndDownloadsTheCsv() throws Exception {
    Seeded s = scenario.seed("Browser usage");
    String base = "/accounts/" + s.id() + "/developer/api-usage";
    int days = (int) ChronoUnit.DAYS.between(s.period().start(), s.period().end());

    signIn(s.company().admin().email());
    browser.click(By.cssSelector(".sidebar a[href='" + base + "']"));
    browser.waitForText(By.tagName("h1"), "API usage");
    WebElement chart = browser.waitFor(By.id("usage-chart-svg"));
    assertThat(chart.getSize().getHeight()).isGreaterThan(100);
    assertThat(browser.driver().findElements(By.cssSelector("#usage-chart-svg g.day")))
        .hasSize(days);
    browser.waitForText(By.id("usage-summary"), "155");
    browser.waitForText(By.id("usage-summary"), "77.5 %");
    browser.waitForText(By.id("usage-breakdown"), s.app().application().name());
    // tall enough for the summary, the chart and the breakdown in one picture
    browser.driver().manage().window().setSize(new Dimension(1280, 1500));
    Path shot = browser.step("usage-page");
    Files.createDirectories(Path.of("target", "e2e"));
    Files.copy(
        shot, Path.of("target", "e2e", "usage-page.png"), StandardCopyOption.REPLACE_EXISTING);

    browser.click(By.cssSelector("#usage-breakdown nav.tabs a[data-by='apiKey']"));
    browser.waitForText(By.id("usage-breakdown"), s.key().key().accessKey());
    browser.waitForText(By.id("usage-breakdown"), "deleted API key");
    browser.waitUntil(ExpectedConditions.urlContains("by=apiKey"));
    assertThat(
            browser
                .waitFor(By.cssSelector("#usage-breakdown nav.tabs a[aria-current='page']"))
                .getText())
        .isEqualTo("API key");
    browser.step("breakdown-by-api-key");

    String href = browser.waitFor(By.id("export-breakdown")).getAttribute("href");
    HttpResponse<String> csv = fetchWithTheBrowsersSession(href);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment; filename=\"api-usage-" + s.id());
    assertThat(csv.body())
        .startsWith("\"apiKey\",\"name\",\"detail\",\"calls\"")
        .contains("\"" + s.key().key().accessKey() + "\",\"105\"");
  }

  /** The href fetched as the browser would download it: same session cookie, same host. */
  private HttpResponse<String> fetchWithTheBrowsersSession(String href) throws Exception {
    Cookie session = browser.driver().manage().getCookieNamed(ConsoleClient.SESSION_COOKIE);
    assertThat(session).isNotNull();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(href))
            .header("Cookie", ConsoleClient.SESSION_COOKIE + "=" + session.getValue())
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void signIn(String email) {
    browser.open("/login");
    browser.type(By.id("email"), email);
    browser.type(By.id("password"), TestAccounts.PASSWORD);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.waitUntil(ExpectedConditions.urlContains("/my/profile"));
  }
}
