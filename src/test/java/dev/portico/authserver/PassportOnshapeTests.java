package dev.portico.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference platform's published Passport strategy, {@code passport-onshape} 1.2.0 from the npm
 * registry, signs a user in against Portico unchanged except for its URLs (issue 8, "Must show"). A
 * tiny express app ({@code src/test/node/passport-onshape/app.js}) runs under {@code node} on
 * loopback; a plain HTTP client with a cookie jar plays the browser: the app's {@code /login} →
 * Portico's {@code /oauth/authorize} (scopes comma-separated, as the strategy sends them) → the
 * console's sign-in form → the consent form → the app's callback, where the strategy exchanges the
 * code (secret in the body) and reads the profile from {@code /api/users/sessioninfo} with the
 * Bearer token.
 *
 * <p>Needs {@code node} on the PATH and {@code npm ci} run in the app's folder ({@code .ci/run}
 * does both). Without them the test is skipped with a message, unless {@code PORTICO_E2E=required},
 * where that is a failure.
 */
@PorticoTest
class PassportOnshapeTests {

  static final Path APP = Path.of("src", "test", "node", "passport-onshape");
  private static final List<String> MODULES = List.of("passport-onshape", "passport", "express");
  private static final String SCOPES = "OAuth2Read,OAuth2ReadPII";

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;

  @BeforeAll
  static void nodeAndTheModulesAreInstalled() {
    String missing = missing();
    if (missing == null) {
      return;
    }
    if ("required".equalsIgnoreCase(System.getenv("PORTICO_E2E"))) {
      throw new IllegalStateException(missing + " (PORTICO_E2E=required, so this fails)");
    }
    Assumptions.assumeTrue(false, missing + "; skipped");
  }

  @Test
  void thePublishedPassportStrategySignsAUserInUnchangedButForItsUrls() throws Exception {
    Company owner = fixtures.company("Passport App");
    // A user of another company: SHR-3 lets them use the app without an assignment.
    User user = fixtures.company("Passport User").admin();
    int appPort = freeLoopbackPort();
    String appBase = "http://127.0.0.1:" + appPort;
    String callback = appBase + "/callback";
    IssuedApplication app = register(owner, callback);
    String portico = "http://localhost:" + port;

    try (NodeApp node = NodeApp.start(appPort, portico, app)) {
      Walk browser = new Walk();

      // 1. The strategy sends the browser to Portico's authorize, its scopes comma-separated.
      HttpResponse<String> login = browser.get(URI.create(appBase + "/login"));
      assertThat(login.statusCode()).as(browser.where(node)).isEqualTo(302);
      URI authorize = browser.location(login);
      assertThat(authorize.toString()).startsWith(portico + "/oauth/authorize?");
      Map<String, String> request = query(authorize.getRawQuery());
      assertThat(request)
          .containsEntry("response_type", "code")
          .containsEntry("client_id", app.application().clientId())
          .containsEntry("redirect_uri", callback)
          .containsEntry("scope", SCOPES)
          .containsKey("state");

      // 2. Anonymous at Portico: the console's sign-in form, then back to authorize.
      HttpResponse<String> signInPage = browser.follow(login);
      assertThat(signInPage.statusCode()).as(browser.where(node)).isEqualTo(200);
      assertThat(signInPage.uri().getPath()).as(browser.where(node)).isEqualTo("/login");
      Form signIn =
          Form.all(signInPage).stream()
              .filter(f -> f.action().getPath().equals("/login"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no sign-in form:\n" + signInPage.body()));
      signIn.set("email", user.email());
      signIn.set("password", TestAccounts.PASSWORD);

      // 3. The consent form (whatever page shows it): approve every scope asked for.
      HttpResponse<String> consentPage = browser.follow(browser.submit(signIn));
      assertThat(consentPage.statusCode())
          .as("the consent page after signing in, at %s", browser.where(node))
          .isEqualTo(200);
      Form consent =
          Form.approving(consentPage)
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no consent form that approves, at "
                              + browser.where(node)
                              + ":\n"
                              + consentPage.body()));
      assertThat(consent.action().getPath()).isEqualTo("/oauth/authorize");

      // 4. Back to the app's callback with a code and its state.
      HttpResponse<String> approved = browser.submit(consent);
      assertThat(approved.statusCode()).as(browser.where(node)).isEqualTo(302);
      URI back = browser.location(approved);
      assertThat(back.toString()).as(browser.where(node)).startsWith(callback + "?");
      Map<String, String> answer = query(back.getRawQuery());
      assertThat(answer)
          .as(browser.where(node))
          .containsEntry("state", request.get("state"))
          .containsKey("code");

      // 5. The strategy exchanged the code, fetched sessioninfo and signed the user in.
      HttpResponse<String> signedIn = browser.follow(approved);
      assertThat(signedIn.statusCode())
          .as("the app's callback (code exchange, then sessioninfo) at %s", browser.where(node))
          .isEqualTo(200);
      JsonNode result = JsonMapper.shared().readTree(signedIn.body());
      JsonNode profile = result.get("profile");
      assertThat(profile.get("provider").asString()).isEqualTo("onshape");
      assertThat(profile.get("id").asString()).isEqualTo(user.id().toString());
      assertThat(profile.get("displayName").asString()).isEqualTo(user.name());
      assertThat(profile.get("emails").get(0).get("value").asString()).isEqualTo(user.email());
      assertThat(profile.get("_json").get("clientId").asString())
          .isEqualTo(app.application().clientId());
      JsonNode token = result.get("token");
      assertThat(token.get("tokenType").asString()).isEqualToIgnoringCase("Bearer");
      assertThat(token.get("refreshTokenIssued").asBoolean()).isTrue();
      assertThat(token.get("scope").asString().split("[ ,]+"))
          .containsExactlyInAnyOrder("OAuth2Read", "OAuth2ReadPII");

      HttpResponse<String> me = browser.get(URI.create(appBase + "/me"));
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(JsonMapper.shared().readTree(me.body()).get("profile").get("id").asString())
          .isEqualTo(user.id().toString());
      assertThat(node.output()).doesNotContain(app.clientSecret());
    }
  }

  private IssuedApplication register(Company owner, String callback) {
    String format =
        "com.example.passport" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return management.register(
        AuthServerFixtures.actor(owner.admin()),
        owner.id(),
        new ApplicationDraft(
            "Passport Check",
            format,
            "Signs users in with passport-onshape",
            List.of(callback),
            ApplicationType.INTEGRATED_CLOUD,
            null,
            false,
            Set.of(Scope.OAuth2Read, Scope.OAuth2ReadPII),
            null,
            List.of()));
  }

  /** What is missing to run the app, or null when node and the modules are there. */
  private static String missing() {
    String hint = "the passport-onshape check needs Debian's nodejs and npm and `npm ci` in " + APP;
    for (String module : MODULES) {
      if (!Files.isRegularFile(
          APP.resolve("node_modules").resolve(module).resolve("package.json"))) {
        return hint + ": node_modules/" + module + " is missing";
      }
    }
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version.getOutputStream().close();
      String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!version.waitFor(20, TimeUnit.SECONDS) || version.exitValue() != 0) {
        return hint + ": `node --version` failed: " + out.strip();
      }
      return null;
    } catch (IOException e) {
      return hint + ": no node on the PATH (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return hint + ": interrupted";
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  /** The express app under {@code node}: exits when its standard input closes (or by itself). */
  static final class NodeApp implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CountDownLatch listening = new CountDownLatch(1);

    private NodeApp(Process process) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (line.startsWith("listening on ")) {
                      listening.countDown();
                    }
                  }
                } catch (IOException e) {
                  output.append("(output closed: ").append(e.getMessage()).append(")\n");
                }
                listening.countDown();
              },
              "passport-onshape-app");
      reader.setDaemon(true);
      reader.start();
    }

    static NodeApp start(int port, String portico, IssuedApplication app)
        throws IOException, InterruptedException {
      ProcessBuilder builder =
          new ProcessBuilder("node", "app.js").directory(APP.toFile()).redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.put("PORTICO_URL", portico);
      env.put("CLIENT_ID", app.application().clientId());
      env.put("CLIENT_SECRET", app.clientSecret());
      env.put("PORT", String.valueOf(port));
      env.put("SCOPES", SCOPES);
      env.put("LIFETIME_SECONDS", "90");
      NodeApp started = new NodeApp(builder.start());
      if (!started.listening.await(30, TimeUnit.SECONDS) || !started.process.isAlive()) {
        started.close();
        throw new AssertionError("the express app did not start:\n" + started.output());
      }
      return started;
    }

    String output() {
      return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
      try {
        process.getOutputStream().close();
      } catch (IOException ignored) {
        // Already gone.
      }
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }

  /** A browser without JavaScript: a cookie jar, each hop taken by hand and remembered. */
  static final class Walk {

    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> hops = new ArrayList<>();

    HttpResponse<String> get(URI uri) {
      return send(HttpRequest.newBuilder(uri).GET(), "GET");
    }

    HttpResponse<String> submit(Form form) {
      String body =
          form.fields().stream()
              .map(f -> enc(f.getKey()) + "=" + enc(f.getValue()))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(form.action())
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)),
          "POST");
    }

    /** Follows redirects with GET, as a browser does after a 302/303. */
    HttpResponse<String> follow(HttpResponse<String> response) {
      HttpResponse<String> current = response;
      for (int n = 0; n < 10 && isRedirect(current); n++) {
        current = get(location(current));
      }
      return current;
    }

    URI location(HttpResponse<String> response) {
      return response
          .uri()
          .resolve(
              response
                  .headers()
                  .firstValue("Location")
                  .orElseThrow(() -> new AssertionError("no Location at " + hops)));
    }

    /** The hops so far, the last answer's body and the app's output: where the flow stopped. */
    String where(NodeApp node) {
      return String.join("\n  ", hops) + "\n--- the express app said:\n" + node.output();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String method) {
      try {
        HttpResponse<String> response =
            http.send(
                request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        String hop = method + " " + response.uri() + " → " + response.statusCode();
        if (isRedirect(response)) {
          hop += " " + response.headers().firstValue("Location").orElse("");
        } else if (response.statusCode() >= 400) {
          String body = response.body();
          hop += " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
        hops.add(hop);
        return response;
      } catch (IOException e) {
        throw new UncheckedIOException("after " + hops, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static boolean isRedirect(HttpResponse<?> response) {
      int status = response.statusCode();
      return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String enc(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }

  /**
   * An HTML form read without knowing the page: its action, its hidden inputs (CSRF token, state,
   * client id…), its checkboxes ticked (the user approves every scope asked for), and the submit
   * button that approves, with its name and value if it has them.
   */
  record Form(URI action, String method, List<Map.Entry<String, String>> fields, String html) {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", FLAGS);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", FLAGS);
    private static final Pattern BUTTON =
        Pattern.compile("<button\\b([^>]*)>(.*?)</button>", FLAGS);
    private static final Pattern ATTRIBUTE =
        Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern APPROVES =
        Pattern.compile("authori[sz]e|allow|approve|consent|accept|grant", FLAGS);
    private static final Pattern REFUSES = Pattern.compile("deny|cancel|reject|decline", FLAGS);

    /** Every form of the page, with no submit button chosen. */
    static List<Form> all(HttpResponse<String> page) {
      List<Form> forms = new ArrayList<>();
      Matcher m = FORM.matcher(page.body());
      while (m.find()) {
        Map<String, String> attributes = attributes(m.group(1));
        URI action = page.uri().resolve(attributes.getOrDefault("action", page.uri().toString()));
        String method = attributes.getOrDefault("method", "get").toUpperCase(Locale.ROOT);
        forms.add(new Form(action, method, inputs(m.group(2)), m.group(2)));
      }
      return forms;
    }

    /** The POST form whose submit button approves (not the Deny or Cancel one), ready to send. */
    static Optional<Form> approving(HttpResponse<String> page) {
      for (Form form : all(page)) {
        if (!form.method().equals("POST")) {
          continue;
        }
        for (Map<String, String> button : form.submitButtons()) {
          String label = button.getOrDefault("label", "") + " " + button.getOrDefault("value", "");
          if (APPROVES.matcher(label).find() && !REFUSES.matcher(label).find()) {
            if (button.containsKey("name")) {
              form.fields().add(Map.entry(button.get("name"), button.getOrDefault("value", "")));
            }
            return Optional.of(form);
          }
        }
      }
      return Optional.empty();
    }

    void set(String name, String value) {
      fields.removeIf(f -> f.getKey().equals(name));
      fields.add(Map.entry(name, value));
    }

    private List<Map<String, String>> submitButtons() {
      List<Map<String, String>> buttons = new ArrayList<>();
      Matcher b = BUTTON.matcher(html);
      while (b.find()) {
        Map<String, String> attributes = attributes(b.group(1));
        String type = attributes.getOrDefault("type", "submit").toLowerCase(Locale.ROOT);
        if (type.equals("submit") && !attributes.containsKey("disabled")) {
          attributes.put("label", unescape(TAG.matcher(b.group(2)).replaceAll(" ")).strip());
          buttons.add(attributes);
        }
      }
      Matcher i = INPUT.matcher(html);
      while (i.find()) {
        Map<String, String> attributes = attributes(i.group(1));
        if (attributes.getOrDefault("type", "").equalsIgnoreCase("submit")) {
          buttons.add(attributes);
        }
      }
      return buttons;
    }

    private static List<Map.Entry<String, String>> inputs(String html) {
      List<Map.Entry<String, String>> fields = new ArrayList<>();
      Matcher i = INPUT.matcher(html);
      while (i.find()) {
        Map<String, String> attributes = attributes(i.group(1));
        String name = attributes.get("name");
        String type = attributes.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
        if (name == null || attributes.containsKey("disabled")) {
          continue;
        }
        boolean sent =
            switch (type) {
              case "submit", "button", "reset", "image", "file" -> false;
              case "checkbox" -> true;
              case "radio" -> attributes.containsKey("checked");
              default -> true;
            };
        if (sent) {
          String fallback = type.equals("checkbox") || type.equals("radio") ? "on" : "";
          fields.add(Map.entry(name, attributes.getOrDefault("value", fallback)));
        }
      }
      return fields;
    }

    private static Map<String, String> attributes(String tag) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher a = ATTRIBUTE.matcher(tag);
      while (a.find()) {
        String value =
            a.group(2) != null
                ? a.group(2)
                : a.group(3) != null ? a.group(3) : a.group(4) != null ? a.group(4) : "";
        attributes.putIfAbsent(a.group(1).toLowerCase(Locale.ROOT), unescape(value));
      }
      return attributes;
    }

    private static String unescape(String html) {
      Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(html);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String entity = m.group(1);
        String character =
            switch (entity) {
              case "amp" -> "&";
              case "lt" -> "<";
              case "gt" -> ">";
              case "quot" -> "\"";
              case "apos" -> "'";
              default ->
                  Character.toString(
                      entity.startsWith("#x")
                          ? Integer.parseInt(entity.substring(2), 16)
                          : Integer.parseInt(entity.substring(1)));
            };
        m.appendReplacement(out, Matcher.quoteReplacement(character));
      }
      m.appendTail(out);
      return out.toString();
    }
  }
}
