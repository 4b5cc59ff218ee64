package dev.portico.extensions.web;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.extensions.internal.IconPolicy;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /extensions/{extId}/icon} (EXT-6): the stored icon with its own content security
 * policy, never the console's, over real HTTP as a browser meets it (Spring Security's header
 * writers run on the same response); revalidation by ETag; 404 for what has no icon; sign-in first.
 */
@PorticoTest
class ExtensionIconControllerTests {

  private static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><script>alert(1)</script>"
          + "<rect width=\"16\" height=\"16\" fill=\"#0a0\"/></svg>";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ExtensionRows extensions;
  @Autowired IconPolicy icons;

  @Test
  void svgIconIsServedWithItsOwnPolicyAndNotTheConsoles() throws Exception {
    Company acme = fixtures.company("IconCsp");
    ExtensionRows.Icon icon = icons.accept(SVG.getBytes(StandardCharsets.UTF_8));
    UUID extId = extensionWithIcon(acme, icon);

    HttpResponse<byte[]> served =
        fetch(signedIn(acme.admin()), "/extensions/" + extId + "/icon", null);

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(icon.bytes());
    assertThat(new String(served.body(), StandardCharsets.UTF_8)).doesNotContain("script");
    assertThat(served.headers().allValues("Content-Type")).containsExactly("image/svg+xml");
    assertThat(served.headers().allValues("Content-Security-Policy"))
        .containsExactly("default-src 'none'; style-src 'unsafe-inline'");
    assertThat(served.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(served.headers().allValues("Content-Disposition"))
        .containsExactly("inline; filename=\"icon.svg\"");
    assertThat(served.headers().allValues("Cache-Control"))
        .containsExactly("private, max-age=3600");
    assertThat(served.headers().firstValue("Pragma")).isEmpty();
    assertThat(served.headers().firstValue("ETag"))
        .hasValueSatisfying(e -> assertThat(e).matches("\"[A-Za-z0-9_-]{43}\""));
  }

  @Test
  void consolePageNextToTheIconStillHasTheConsolePolicy() throws Exception {
    Company acme = fixtures.company("IconConsoleCsp");
    HttpResponse<byte[]> page = fetch(signedIn(acme.admin()), "/my/profile", null);
    assertThat(page.headers().allValues("Content-Security-Policy"))
        .singleElement()
        .satisfies(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
  }

  @Test
  void iconWhoseETagTheBrowserHoldsAnswers304WithoutBody() throws Exception {
    Company acme = fixtures.company("IconEtag");
    UUID extId = extensionWithIcon(acme, icons.accept(SVG.getBytes(StandardCharsets.UTF_8)));
    String session = signedIn(acme.admin());
    String path = "/extensions/" + extId + "/icon";
    String etag = fetch(session, path, null).headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> revalidated = fetch(session, path, etag);
    assertThat(revalidated.statusCode()).isEqualTo(304);
    assertThat(revalidated.body()).isEmpty();
    assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
    assertThat(revalidated.headers().allValues("Cache-Control"))
        .containsExactly("private, max-age=3600");

    HttpResponse<byte[]> changed = fetch(session, path, "\"someOtherVersion\"");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).hasValue(etag);
  }

  @Test
  void pngIconIsServedAsPngUnderItsFileName() throws Exception {
    Company acme = fixtures.company("IconPng");
    byte[] png = png();
    UUID extId = extensionWithIcon(acme, icons.accept(png));

    MockHttpServletResponse served =
        mvc.perform(get("/extensions/" + extId + "/icon").with(as(acme.admin())))
            .andReturn()
            .getResponse();
    assertThat(served.getStatus()).isEqualTo(200);
    assertThat(served.getContentAsByteArray()).isEqualTo(png);
    assertThat(served.getHeaders("Content-Type")).containsExactly("image/png");
    assertThat(served.getHeaders("Content-Disposition"))
        .containsExactly("inline; filename=\"icon.png\"");
    assertThat(served.getHeaders("Content-Security-Policy"))
        .containsExactly("default-src 'none'; style-src 'unsafe-inline'");
  }

  @Test
  void extensionWithoutIconUnknownIdAndForgedIdAnswer404() throws Exception {
    Company acme = fixtures.company("IconMissing");
    UUID withoutIcon = extensionWithIcon(acme, null);
    for (String id :
        List.of(withoutIcon.toString(), UUID.randomUUID().toString(), "not-a-uuid", "1-1-1-1-1")) {
      MockHttpServletResponse response =
          mvc.perform(get("/extensions/" + id + "/icon").with(as(acme.admin())))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(id).isEqualTo(404);
      assertThat(response.getContentType()).as(id).startsWith("text/html");
    }
  }

  @Test
  void anonymousRequestIsSentToSignInAndGetsNoIcon() throws Exception {
    Company acme = fixtures.company("IconAnon");
    UUID extId = extensionWithIcon(acme, icons.accept(SVG.getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> anonymous = new ConsoleClient(port).get("/extensions/" + extId + "/icon");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(ConsoleClient.location(anonymous)).startsWith("/login");
    assertThat(anonymous.body()).doesNotContain("<svg");
  }

  /**
   * The product shows an extension's icon wherever the extension appears, so any signed-in user may
   * load it by its unguessable id, whoever owns the app: a picture, never a secret.
   */
  @Test
  void iconIsServedToAnySignedInUser() throws Exception {
    Company acme = fixtures.company("IconOwner");
    UUID extId = extensionWithIcon(acme, icons.accept(png()));
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User otherAdmin = fixtures.company("IconStranger").admin();
    for (User user : List.of(light, otherAdmin)) {
      int status =
          mvc.perform(get("/extensions/" + extId + "/icon").with(as(user)))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).isEqualTo(200);
    }
  }

  private UUID extensionWithIcon(Company company, ExtensionRows.@Nullable Icon icon) {
    Application app = apps.register(company.admin(), company.id(), "Icons " + company.tag());
    Instant now = Instant.now();
    Extension extension =
        new Extension(
            UUID.randomUUID(),
            app.id(),
            "Counter",
            null,
            ExtensionLocation.ELEMENT_CONTEXT_MENU,
            ExtensionContext.PART_STUDIO,
            "https://app.example.com/count",
            ActionType.GET,
            null,
            false,
            null,
            now,
            company.admin().id(),
            now);
    extensions.insert(extension, icon);
    return extension.id();
  }

  private String signedIn(User user) {
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(user.email(), TestAccounts.PASSWORD);
    return browser.sessionId().orElseThrow();
  }

  /** A browser's GET with its session cookie, bytes as they came. */
  private HttpResponse<byte[]> fetch(String session, String path, @Nullable String ifNoneMatch)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Cookie", ConsoleClient.SESSION_COOKIE + "=" + session)
            .GET();
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), "png", out);
    return out.toByteArray();
  }
}
