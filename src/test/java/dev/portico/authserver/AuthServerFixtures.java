package dev.portico.authserver;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Registered apps and complete authorizations (code, access and refresh token) for the tests. */
final class AuthServerFixtures {

  static final List<String> REDIRECTS =
      List.of("https://plm.example.com/oauth/callback", "https://plm.example.com/second");

  private AuthServerFixtures() {}

  static Actor actor(User user) {
    return new Actor(user.id(), user.email(), false, "127.0.0.1");
  }

  static Application register(
      ApplicationManagement management, Company company, ApplicationType type) {
    return issue(management, company, type).application();
  }

  /** Registers an app of this company; answers it with its one-time client secret. */
  static IssuedApplication issue(
      ApplicationManagement management, Company company, ApplicationType type) {
    List<String> redirects =
        type == ApplicationType.CONNECTED_DESKTOP
            ? List.of("http://localhost:8765/cb", "urn:ietf:wg:oauth:2.0:oob")
            : REDIRECTS;
    String format =
        "com.example.as" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ApplicationDraft draft =
        new ApplicationDraft(
            "Acme PLM",
            format,
            "Syncs parts with the PLM",
            redirects,
            type,
            "https://plm.example.com/start",
            false,
            Set.of(Scope.OAuth2Read, Scope.OAuth2Write),
            null,
            List.of());
    return management.register(actor(company.admin()), company.id(), draft);
  }

  /** Unique raw values of one authorization's code, tokens and consent state. */
  record Values(String code, String access, String refresh, String state, String clientState) {
    static Values fresh() {
      return new Values(
          "code-" + UUID.randomUUID(),
          "access-" + UUID.randomUUID(),
          "refresh-" + UUID.randomUUID(),
          "consent-" + UUID.randomUUID(),
          "client-state-" + UUID.randomUUID());
    }
  }

  /** A complete authorization-code grant holding these values, issued at {@code issuedAt}. */
  static OAuth2Authorization authorization(
      RegisteredClient client, String principal, Values v, Instant issuedAt) {
    Instant at = issuedAt.truncatedTo(ChronoUnit.MILLIS);
    OAuth2AuthorizationRequest request =
        OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri("http://localhost/oauth/authorize")
            .clientId(client.getClientId())
            .redirectUri(REDIRECTS.get(0))
            .scopes(Set.of("OAuth2Read"))
            .state(v.clientState())
            .additionalParameters(
                Map.of(
                    "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                    "code_challenge_method", "S256",
                    "company_id", "c-1"))
            .build();
    return OAuth2Authorization.withRegisteredClient(client)
        .id(UUID.randomUUID().toString())
        .principalName(principal)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizedScopes(Set.of("OAuth2Read"))
        .attribute(OAuth2AuthorizationRequest.class.getName(), request)
        .attribute(
            Principal.class.getName(),
            UsernamePasswordAuthenticationToken.authenticated(
                principal, null, AuthorityUtils.createAuthorityList("ROLE_USER")))
        .attribute(OAuth2ParameterNames.STATE, v.state())
        .token(new OAuth2AuthorizationCode(v.code(), at, at.plus(Duration.ofSeconds(60))))
        .token(
            new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                v.access(),
                at,
                at.plus(Duration.ofHours(1)),
                Set.of("OAuth2Read")),
            m ->
                m.put(
                    OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                    Map.of(
                        "sub", principal,
                        "aud", List.of(client.getClientId()),
                        "iat", at,
                        "exp", at.plus(Duration.ofHours(1)),
                        "scope", Set.of("OAuth2Read"))))
        .refreshToken(new OAuth2RefreshToken(v.refresh(), at, at.plus(Duration.ofDays(30))))
        .build();
  }
}
