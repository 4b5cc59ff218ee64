package dev.portico.applications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Scope;
import dev.portico.system.InvalidInput.FieldViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The APP-2 registration rules, one positive and one negative case each, without a server: the
 * draft's Bean Validation constraints plus {@link RegistrationRules}, exactly what {@link
 * ApplicationManagement} checks before it stores anything. Each negative case must break only the
 * rule it is named after; each positive case must break none.
 */
class RegistrationRulesTests {

  private static final ValidatorFactory FACTORY =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  @Test
  void validDraftBreaksNoRule() {
    assertThat(violations(Draft.valid())).isEmpty();
  }

  // ---- name: required, 1–100 characters, plain text

  @Test
  void nameIsRequired() {
    assertRefused(d -> d.name("  "), "name");
  }

  @Test
  void nameOfOneHundredCharactersIsAccepted() {
    assertAccepted(d -> d.name("n".repeat(100)));
  }

  @Test
  void nameLongerThanOneHundredCharactersIsRefused() {
    assertRefused(d -> d.name("n".repeat(101)), "name");
  }

  @Test
  void nameInAnyScriptIsAccepted() {
    assertAccepted(d -> d.name("Ünïcode PLM — 図面ビューア"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"<b>Acme</b>", "Acme\u0007PLM", "Acme\u202EPLM"})
  void nameWithMarkupOrControlCharactersIsRefused(String name) {
    assertRefused(d -> d.name(name), "name");
  }

  // ---- primary format: reverse-domain, ≤ 100

  @ParameterizedTest
  @ValueSource(strings = {"com.example.stl-preview", "io.x9", "org.acme-plm.viewer.v2"})
  void primaryFormatInReverseDomainFormIsAccepted(String format) {
    assertAccepted(d -> d.primaryFormat(format));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "example",
        "Com.Example",
        "com..example",
        "9com.example",
        "com.example.",
        "com.ex ample",
        "com.-x"
      })
  void primaryFormatNotInReverseDomainFormIsRefused(String format) {
    assertRefused(d -> d.primaryFormat(format), "primaryFormat");
  }

  @Test
  void primaryFormatOfOneHundredCharactersIsAccepted() {
    assertAccepted(d -> d.primaryFormat("com." + "a".repeat(96)));
  }

  @Test
  void primaryFormatLongerThanOneHundredCharactersIsRefused() {
    assertRefused(d -> d.primaryFormat("com." + "a".repeat(97)), "primaryFormat");
  }

  // ---- summary: required, ≤ 500

  @Test
  void summaryIsRequired() {
    assertRefused(d -> d.summary(""), "summary");
  }

  @Test
  void summaryOfFiveHundredCharactersIsAccepted() {
    assertAccepted(d -> d.summary("s".repeat(500)));
  }

  @Test
  void summaryLongerThanFiveHundredCharactersIsRefused() {
    assertRefused(d -> d.summary("s".repeat(501)), "summary");
  }

  // ---- redirect URLs: 1..10, each https with a host, loopback http with a port, or the oob URN

  @Test
  void atLeastOneRedirectUrlIsRequired() {
    assertRefused(d -> d.redirectUrls(List.of()), "redirectUrls");
  }

  @Test
  void tenRedirectUrlsAreAccepted() {
    assertAccepted(d -> d.redirectUrls(urls(10)));
  }

  @Test
  void elevenRedirectUrlsAreRefused() {
    assertRefused(d -> d.redirectUrls(urls(11)), "redirectUrls");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example.com/oauth/callback",
        "https://example.com",
        "https://example.com:8443/cb?x=1",
        "http://localhost:8080",
        "http://localhost:8080/callback",
        "http://127.0.0.1:3000/cb",
        "http://[::1]:9000",
        "urn:ietf:wg:oauth:2.0:oob"
      })
  void redirectUrlOfAnAllowedFormIsAccepted(String url) {
    assertAccepted(d -> d.redirectUrls(List.of(url)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost", // loopback without a port
        "http://localhost/callback",
        "http://127.0.0.1/cb",
        "http://example.com/callback", // plain http to a real host
        "http://example.com:8080/callback",
        "urn:ietf:wg:oauth:2.0:oob:auto", // only the exact URN
        "URN:IETF:WG:OAUTH:2.0:OOB",
        "https://app.example.com/cb#section", // fragment
        "https://app.example.com/cb#",
        "https://*.example.com/cb", // wildcard
        "https://app.example.com/*",
        "https://user@app.example.com/cb", // user info
        "https://user:pass@app.example.com/cb",
        "https:///cb", // no host
        "ftp://example.com/cb",
        "javascript:alert(1)",
        "data:text/html,hi",
        "file:///etc/passwd",
        "/relative/path",
        "https://exa mple.com/cb"
      })
  void redirectUrlOfAnyOtherFormIsRefused(String url) {
    assertRefused(d -> d.redirectUrls(List.of(url)), "redirectUrls");
  }

  @Test
  void distinctRedirectUrlsAreAccepted() {
    assertAccepted(
        d -> d.redirectUrls(List.of("https://a.example.com/cb", "https://b.example.com/cb")));
  }

  @Test
  void duplicateRedirectUrlsAreRefused() {
    assertRefused(
        d -> d.redirectUrls(List.of("https://a.example.com/cb", "https://a.example.com/cb")),
        "redirectUrls");
  }

  // ---- type: required

  @Test
  void everyTypeIsAccepted() {
    for (ApplicationType type : ApplicationType.values()) {
      assertAccepted(d -> d.type(type));
    }
  }

  @Test
  void typeIsRequired() {
    assertRefused(d -> d.type(null), "type");
  }

  // ---- OAuth URL: optional; https, or a loopback URL with a port

  @ParameterizedTest
  @ValueSource(strings = {"", "https://app.example.com/start", "http://localhost:8080/start"})
  void oauthUrlEmptyHttpsOrLocalhostIsAccepted(String url) {
    assertAccepted(d -> d.oauthUrl(url));
  }

  @Test
  void oauthUrlLeftOutIsAccepted() {
    assertAccepted(d -> d.oauthUrl(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com",
        "http://localhost",
        "https://app.example.com/start#x",
        "javascript:alert(1)",
        "urn:ietf:wg:oauth:2.0:oob"
      })
  void oauthUrlOfAnyOtherFormIsRefused(String url) {
    assertRefused(d -> d.oauthUrl(url), "oauthUrl");
  }

  // ---- permissions: at least one scope

  @Test
  void oneScopeIsEnough() {
    assertAccepted(d -> d.scopes(Set.of(Scope.OAuth2ReadPII)));
  }

  @Test
  void atLeastOneScopeIsRequired() {
    assertRefused(d -> d.scopes(Set.of()), "scopes");
  }

  // ---- collaborators: only with Supports collaboration, and each an email

  @Test
  void collaboratorsWithSupportsCollaborationAreAccepted() {
    assertAccepted(
        d -> d.supportsCollaboration(true).collaborators(List.of("Bob@Example.com", "c@x.io")));
  }

  @Test
  void collaboratorsWithoutSupportsCollaborationAreRefused() {
    assertRefused(
        d -> d.supportsCollaboration(false).collaborators(List.of("bob@example.com")),
        "collaborators");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-email", "bob@", "@example.com", "bob@example", "a b@example.com"})
  void collaboratorThatIsNotAnEmailIsRefused(String email) {
    assertRefused(
        d -> d.supportsCollaboration(true).collaborators(List.of(email)), "collaborators");
  }

  @Test
  void collaboratorsAreStoredLowerCasedOnce() {
    ApplicationDraft draft =
        Draft.valid()
            .supportsCollaboration(true)
            .collaborators(List.of("Bob@Example.com", "bob@example.com "))
            .build();
    assertThat(draft.collaborators()).containsExactly("bob@example.com");
  }

  // ---- helpers

  private static void assertAccepted(UnaryOperator<Draft> change) {
    assertThat(violations(change.apply(Draft.valid()))).isEmpty();
  }

  private static void assertRefused(UnaryOperator<Draft> change, String field) {
    List<FieldViolation> found = violations(change.apply(Draft.valid()));
    Set<String> fields = new TreeSet<>();
    found.forEach(v -> fields.add(v.field()));
    assertThat(fields).as("fields with violations: %s", found).containsExactly(field);
  }

  private static List<FieldViolation> violations(Draft draft) {
    ApplicationDraft built = draft.build();
    List<FieldViolation> found = new ArrayList<>();
    VALIDATOR
        .validate(built)
        .forEach(
            v ->
                found.add(
                    new FieldViolation(fieldOf(v.getPropertyPath().toString()), v.getMessage())));
    found.addAll(RegistrationRules.check(built));
    return Collections.unmodifiableList(found);
  }

  /** {@code redirectUrls[3]} and {@code redirectUrls} are one field. */
  private static String fieldOf(String path) {
    int bracket = path.indexOf('[');
    return bracket < 0 ? path : path.substring(0, bracket);
  }

  private static List<String> urls(int n) {
    return IntStream.range(0, n).mapToObj(i -> "https://app.example.com/cb/" + i).toList();
  }

  /** A valid registration to change one field of. */
  static final class Draft {
    private String name = "Acme PLM";
    private String primaryFormat = "com.example.acme-plm";
    private String summary = "Reads and writes your parts lists";
    private List<String> redirectUrls = List.of("https://app.example.com/oauth/callback");
    private @Nullable ApplicationType type = ApplicationType.INTEGRATED_CLOUD;
    private @Nullable String oauthUrl = "https://app.example.com/start";
    private boolean supportsCollaboration;
    private Set<Scope> scopes = Set.of(Scope.OAuth2Read, Scope.OAuth2Write);
    private @Nullable UUID adminTeamId;
    private List<String> collaborators = List.of();

    static Draft valid() {
      return new Draft();
    }

    Draft name(String v) {
      name = v;
      return this;
    }

    Draft primaryFormat(String v) {
      primaryFormat = v;
      return this;
    }

    Draft summary(String v) {
      summary = v;
      return this;
    }

    Draft redirectUrls(List<String> v) {
      redirectUrls = v;
      return this;
    }

    Draft type(@Nullable ApplicationType v) {
      type = v;
      return this;
    }

    Draft oauthUrl(@Nullable String v) {
      oauthUrl = v;
      return this;
    }

    Draft supportsCollaboration(boolean v) {
      supportsCollaboration = v;
      return this;
    }

    Draft scopes(Set<Scope> v) {
      scopes = v;
      return this;
    }

    Draft collaborators(List<String> v) {
      collaborators = v;
      return this;
    }

    ApplicationDraft build() {
      return new ApplicationDraft(
          name,
          primaryFormat,
          summary,
          redirectUrls,
          type,
          oauthUrl,
          supportsCollaboration,
          scopes,
          adminTeamId,
          collaborators);
    }
  }
}
