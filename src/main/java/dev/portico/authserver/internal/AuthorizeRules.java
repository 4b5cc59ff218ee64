package dev.portico.authserver.internal;

import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.authserver.ApplicationClients;
import dev.portico.authserver.GrantPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OAU-2's rules where the stock authorization endpoint asks for them, in this order:
 *
 * <ol>
 *   <li>{@code redirect_uri} equals a registered one <strong>exactly</strong>, port included (the
 *       stock validator lets a loopback address take any port); otherwise an error page, never a
 *       redirect;
 *   <li>the scopes are the app's ({@code invalid_scope} otherwise: the stock scope validator);
 *   <li>once the user is signed in: {@code company_id}, when sent, names the user's company, and
 *       {@link GrantPolicy#refusal} has no objection (SHR-3: suspended, a light user, a member the
 *       company app is not assigned to). Either refusal redirects with {@code access_denied} and
 *       the reason in {@code error_description}, as RFC 6749 §4.1.2.1 has it for a request the
 *       server denies, so that the app learns the outcome (and an oob app shows the reason).
 * </ol>
 *
 * <p>Then the stock PKCE check ({@code S256} only, required when the client requires a proof key).
 * The consent page is skipped when the user already consented to every requested scope under the
 * app's current consent epoch, or when {@link GrantPolicy#skipsConsent} says so. The SHR-3 check is
 * made again when the consent form is posted ({@link #consentMayBeGiven}), before a code exists.
 */
final class AuthorizeRules {

  static final String COMPANY_ID = "company_id";

  private final ApplicationClients clients;
  private final UserManagement users;
  private final GrantPolicy policy;

  AuthorizeRules(ApplicationClients clients, UserManagement users, GrantPolicy policy) {
    this.clients = clients;
    this.users = users;
    this.policy = policy;
  }

  /** The authorization request's validator (in place of the stock redirect and scope checks). */
  Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator() {
    Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> redirect =
        AuthorizeRules::exactRedirectUri;
    return redirect
        .andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR)
        .andThen(this::userMayHoldGrant);
  }

  /** Whether the Authorize application page is shown (the stock rule, then skip-consent). */
  boolean consentRequired(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    RegisteredClient client = context.getRegisteredClient();
    if (!client.getClientSettings().isRequireAuthorizationConsent()) {
      return false;
    }
    OAuth2AuthorizationConsent consent = context.getAuthorizationConsent();
    OAuth2AuthorizationRequest request = context.getAuthorizationRequest();
    if (consent != null && consent.getScopes().containsAll(request.getScopes())) {
      return false;
    }
    Authentication principal = (Authentication) context.getAuthentication().getPrincipal();
    Optional<User> user = user(principal);
    Optional<Application> app = clients.application(client);
    return user.isEmpty() || app.isEmpty() || !policy.skipsConsent(user.get(), app.get());
  }

  /** The consent form's customizer: SHR-3 and {@code company_id} again, before any code. */
  void consentMayBeGiven(OAuth2AuthorizationConsentAuthenticationContext context) {
    OAuth2AuthorizationConsentAuthenticationToken consent = context.getAuthentication();
    OAuth2AuthorizationRequest request = context.getAuthorizationRequest();
    Authentication principal = (Authentication) consent.getPrincipal();
    refusal(principal, context.getRegisteredClient(), request.getAdditionalParameters())
        .ifPresent(
            reason -> {
              throw denied(
                  reason,
                  new OAuth2AuthorizationCodeRequestAuthenticationToken(
                      consent.getAuthorizationUri(),
                      consent.getClientId(),
                      principal,
                      request.getRedirectUri(),
                      request.getState(),
                      request.getScopes(),
                      request.getAdditionalParameters()));
            });
  }

  /**
   * Why this user may not hold a grant of this client now ({@code company_id} of another company,
   * or {@link GrantPolicy#refusal}), or empty.
   */
  Optional<String> refusal(
      Authentication principal, RegisteredClient client, Map<String, Object> parameters) {
    Optional<User> user = user(principal);
    if (user.isEmpty()) {
      return Optional.of("Your account is not known.");
    }
    Optional<Application> app = clients.application(client);
    if (app.isEmpty()) {
      return Optional.of("The application no longer exists.");
    }
    if (parameters.get(COMPANY_ID) instanceof String company
        && StringUtils.hasText(company)
        && !memberOf(user.get(), company)) {
      return Optional.of("You are not a member of the company this application asked for.");
    }
    return policy.refusal(user.get(), app.get());
  }

  private void userMayHoldGrant(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken asked = context.getAuthentication();
    Authentication principal = (Authentication) asked.getPrincipal();
    if (!signedIn(principal)) {
      return; // the user signs in first; the rules run again when they come back
    }
    refusal(principal, context.getRegisteredClient(), asked.getAdditionalParameters())
        .ifPresent(
            reason -> {
              throw denied(reason, asked);
            });
  }

  private static void exactRedirectUri(
      OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken asked = context.getAuthentication();
    String uri = asked.getRedirectUri();
    Set<String> registered = context.getRegisteredClient().getRedirectUris();
    if (!StringUtils.hasText(uri) || !parses(uri) || !registered.contains(uri)) {
      OAuth2Error error =
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_REQUEST,
              "OAuth 2.0 Parameter: redirect_uri",
              "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1");
      throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, answer(asked, null));
    }
  }

  private static boolean parses(String uri) {
    try {
      UriComponents parsed = UriComponentsBuilder.fromUriString(uri).build();
      return parsed.getFragment() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static OAuth2AuthorizationCodeRequestAuthenticationException denied(
      String reason, OAuth2AuthorizationCodeRequestAuthenticationToken asked) {
    OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, reason, null);
    return new OAuth2AuthorizationCodeRequestAuthenticationException(
        error, answer(asked, asked.getRedirectUri()));
  }

  /** The request as the error handler needs it: where to redirect ({@code null}: nowhere). */
  private static OAuth2AuthorizationCodeRequestAuthenticationToken answer(
      OAuth2AuthorizationCodeRequestAuthenticationToken asked, @Nullable String redirectUri) {
    OAuth2AuthorizationCodeRequestAuthenticationToken answer =
        new OAuth2AuthorizationCodeRequestAuthenticationToken(
            asked.getAuthorizationUri(),
            asked.getClientId(),
            (Authentication) asked.getPrincipal(),
            redirectUri,
            asked.getState(),
            asked.getScopes(),
            asked.getAdditionalParameters());
    answer.setAuthenticated(true);
    return answer;
  }

  private Optional<User> user(@Nullable Authentication principal) {
    if (principal == null || !signedIn(principal)) {
      return Optional.empty();
    }
    try {
      return users.user(UUID.fromString(principal.getName()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean memberOf(User user, String companyId) {
    try {
      return user.isMemberOf(UUID.fromString(companyId.strip()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean signedIn(@Nullable Authentication principal) {
    return principal != null
        && !(principal instanceof AnonymousAuthenticationToken)
        && principal.isAuthenticated();
  }
}
