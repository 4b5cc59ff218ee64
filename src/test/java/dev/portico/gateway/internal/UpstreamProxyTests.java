package dev.portico.gateway.internal;

import static dev.portico.support.TestApiKeys.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthFlow;
import dev.portico.gateway.internal.TestUpstream.Seen;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The upstream proxy (API-3) in the shared context, pointed at a real local upstream: what crosses
 * it both ways, the scopes by method and by path rule (decided before anything goes upstream),
 * Portico's own endpoints winning, and the problems of an absent, unreachable or slow upstream.
 */
@PorticoTest
class UpstreamProxyTests {

  static TestUpstream upstream;

  @Autowired MockMvc mvc;
  @Autowired UpstreamProxy proxy;
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired ApplicationManagement applications;
  @LocalServerPort int port;

  @BeforeAll
  static void startUpstream() throws Exception {
    upstream = new TestUpstream();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  @BeforeEach
  void pointAtUpstream() {
    upstream.reset();
    proxy.pointAt(upstream.upstream(Duration.ofSeconds(10), 8L * 1024 * 1024));
  }

  @AfterEach
  void noUpstream() {
    upstream.release.countDown();
    proxy.pointAt(null);
  }

  @Test
  void callReachesUpstreamWithIdentityHeadersAndNoForgedOnes() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Write);
    mvc.perform(
            post("/api/v1/documents/42")
                .header("Authorization", basic(key))
                .header("X-Portico-User", "00000000-0000-0000-0000-000000000001")
                .header("X-Portico-Scopes", "63")
                .header("x-portico-account", "forged")
                .header("X-Portico-Client", "forged-client")
                .contentType("application/json")
                .content("{\"name\":\"part\"}"))
        .andExpect(status().isOk());
    Seen seen = reached();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.headers().get("X-Portico-User")).containsExactly(acme.admin().id().toString());
    assertThat(seen.headers().get("X-Portico-Account")).containsExactly(acme.id().toString());
    assertThat(seen.headers().get("X-Portico-Company")).containsExactly(acme.id().toString());
    assertThat(seen.headers().get("X-Portico-Scopes")).containsExactly("6");
    assertThat(seen.headers().containsKey("X-Portico-Client")).isFalse();
    assertThat(seen.headers().getFirst("Content-Type")).startsWith("application/json");
  }

  @Test
  void bearerCallNamesItsClientAndIsChargedToTheAppsOwner() throws Exception {
    Company owner = accounts.company("Owner");
    User endUser = accounts.individual();
    Set<Scope> scopes = EnumSet.of(Scope.OAuth2Read);
    IssuedApplication app = OAuthFlow.register(applications, owner.admin(), owner.id(), scopes);
    String token = new OAuthFlow(port).authorize(app, endUser, scopes).access();
    mvc.perform(get("/api/v1/documents").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    Seen seen = reached();
    assertThat(seen.headers().get("X-Portico-Client"))
        .containsExactly(app.application().clientId());
    assertThat(seen.headers().get("X-Portico-User")).containsExactly(endUser.id().toString());
    assertThat(seen.headers().get("X-Portico-Account")).containsExactly(owner.id().toString());
    assertThat(seen.headers().containsKey("Authorization")).isFalse();
  }

  @Test
  void credentialsCookiesHopByHopAndForwardingHeadersStayBehind() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Read);
    String path = "/api/v1/documents";
    Map<String, String> signed =
        new HashMap<>(
            TestApiKeys.signedHeaders(
                key, "GET", path, "", "", TestApiKeys.nonce(), Instant.now()));
    signed.remove("Content-Type");
    MockHttpServletRequestBuilder call = get(path);
    signed.forEach(call::header);
    mvc.perform(
            call.header("Cookie", "PORTICO_SESSION=console-session")
                .header("Connection", "keep-alive, X-Secret-Hop")
                .header("X-Secret-Hop", "named by Connection")
                .header("Keep-Alive", "timeout=5")
                .header("TE", "trailers")
                .header("Trailer", "X-Checksum")
                .header("Upgrade", "h2c")
                .header("Proxy-Authorization", "Basic cHJveHk6c2VjcmV0")
                .header("X-Forwarded-For", "203.0.113.66")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=203.0.113.66")
                .header("X-Custom", "kept"))
        .andExpect(status().isOk());
    Seen seen = reached();
    for (String gone :
        new String[] {
          "Authorization",
          "On-Nonce",
          "Cookie",
          "Connection",
          "X-Secret-Hop",
          "Keep-Alive",
          "TE",
          "Trailer",
          "Upgrade",
          "Proxy-Authorization",
          "Forwarded"
        }) {
      assertThat(seen.headers().containsKey(gone)).as(gone).isFalse();
    }
    assertThat(seen.headers().get("X-Custom")).containsExactly("kept");
    assertThat(seen.headers().get("Date")).containsExactly(signed.get("Date"));
    assertThat(seen.headers().get("X-Forwarded-For")).containsExactly("127.0.0.1");
    assertThat(seen.headers().get("X-Forwarded-Proto")).containsExactly("http");
    assertThat(seen.headers().get("X-Forwarded-Host")).containsExactly("localhost");
    assertThat(seen.headers().get("Via")).containsExactly("1.1 portico");
  }

  @Test
  void rawPathQueryAndBodyArriveIntactAndTheAnswerComesBack() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Write);
    byte[] body = TestUpstream.pattern(100_000);
    mvc.perform(
            put(URI.create("/api/v1/d%C3%A9j%C3%A0/a%20b?q=x%2Fy&list=1&list=2&status=201"))
                .header("Authorization", basic(key))
                .contentType("application/octet-stream")
                .content(body))
        .andExpect(status().isCreated())
        .andExpect(header().string("X-Upstream", "yes"))
        .andExpect(header().string("X-Upstream-Sha256", TestUpstream.sha256(body)))
        .andExpect(header().doesNotExist("Set-Cookie"))
        .andExpect(header().doesNotExist("X-Hop"))
        .andExpect(header().string("X-Rate-Limit-Remaining", org.hamcrest.Matchers.not("999999")))
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString())
                    .isEqualTo("hello from upstream"));
    Seen seen = reached();
    assertThat(seen.target())
        .isEqualTo("/base/api/v1/d%C3%A9j%C3%A0/a%20b?q=x%2Fy&list=1&list=2&status=201");
    assertThat(seen.length()).isEqualTo(body.length);
    assertThat(seen.sha256()).isEqualTo(TestUpstream.sha256(body));
  }

  @Test
  void redirectsArePassedBackNotFollowedAndTheUpstreamsOwnAddressIsHidden() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Read);
    mvc.perform(
            get(URI.create(
                    "/api/redirect?to="
                        + URLEncoder.encode(
                            upstream.base() + "/api/moved?x=1", StandardCharsets.UTF_8)))
                .header("Authorization", basic(key)))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "/api/moved?x=1"));
    mvc.perform(
            get("/api/redirect?to=https://files.example.test/x")
                .header("Authorization", basic(key)))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "https://files.example.test/x"));
    assertThat(upstream.seen).hasSize(2);
  }

  @Test
  void eachMethodNeedsItsScopeAndARefusedCallNeverReachesUpstream() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey reader = keys.issue(acme.admin(), Scope.OAuth2Read);
    IssuedApiKey writer = keys.issue(acme.admin(), Scope.OAuth2Write);
    IssuedApiKey deleter = keys.issue(acme.admin(), Scope.OAuth2Delete);
    refused(get("/api/v1/documents"), writer, "OAuth2Read");
    refused(post("/api/v1/documents"), reader, "OAuth2Write");
    refused(put("/api/v1/documents/1"), reader, "OAuth2Write");
    refused(patch("/api/v1/documents/1"), deleter, "OAuth2Write");
    refused(delete("/api/v1/documents/1"), writer, "OAuth2Delete");
    allowed(get("/api/v1/documents"), reader);
    allowed(post("/api/v1/documents"), writer);
    allowed(put("/api/v1/documents/1"), writer);
    allowed(patch("/api/v1/documents/1"), writer);
    allowed(delete("/api/v1/documents/1"), deleter);
  }

  @Test
  void pathRuleRequiresItsScopeInsteadOfTheMethods() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey writer = keys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Write);
    IssuedApiKey sharer = keys.issue(acme.admin(), Scope.OAuth2Share);
    refused(post("/api/v2/shares/doc-1"), writer, "OAuth2Share");
    refused(post("/api/V2/SHARES/doc-1/"), writer, "OAuth2Share");
    refused(post(URI.create("/api/v2/sh%61res/doc-1")), writer, "OAuth2Share");
    refused(delete("/api/v9/shares/doc-1"), writer, "OAuth2Share");
    refused(get("/api/v1/people/7"), writer, "OAuth2ReadPII");
    allowed(post("/api/v2/shares/doc-1"), sharer);
    allowed(get("/api/v2/shares/doc-1"), writer);
  }

  @Test
  void porticoEndpointsWinOverTheUpstream() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Write);
    mvc.perform(get("/api/users/sessioninfo").header("Authorization", basic(key)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(acme.admin().id().toString()));
    mvc.perform(
            get("/api/developer/accounts/" + acme.id() + "/api-keys")
                .header("Authorization", basic(key)))
        .andExpect(status().isOk());
    mvc.perform(post("/api/users/sessioninfo").header("Authorization", basic(key)))
        .andExpect(status().isMethodNotAllowed());
    assertThat(upstream.seen).isEmpty();
    allowed(get("/api/users/sessioninfo/more"), key);
  }

  private Seen reached() throws InterruptedException {
    Seen seen = upstream.seen.poll(10, TimeUnit.SECONDS);
    assertThat(seen).as("the call reached the upstream").isNotNull();
    return seen;
  }

  private void refused(MockHttpServletRequestBuilder call, IssuedApiKey key, String scope)
      throws Exception {
    mvc.perform(call.header("Authorization", basic(key)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.requiredScope").value(scope));
    assertThat(upstream.seen).as("nothing reached the upstream").isEmpty();
  }

  private void allowed(MockHttpServletRequestBuilder call, IssuedApiKey key) throws Exception {
    mvc.perform(call.header("Authorization", basic(key))).andExpect(status().isOk());
    assertThat(reached()).isNotNull();
  }
}
