package dev.portico.applications.internal;

import dev.portico.accounts.Actors;
import dev.portico.accounts.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Resolves {@code GET /my/external-access/{appId}/grant} to the authorization request Spring's
 * redirect filter sends the user to (RFC 6749 §4.1.1): the stock resolver's request (a random
 * {@code state}, the redirect URI of {@link ExternalClientRegistrations}), always with PKCE (RFC
 * 7636, S256; a server that does not support it ignores it). Only for a signed-in user who may
 * grant the app and only when the app has a usable External OAuth configuration; otherwise nothing
 * is resolved and the request goes on to the console, which answers 404.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636">RFC 7636</a>
 */
final class ExternalGrantRequests implements OAuth2AuthorizationRequestResolver {

  private final RequestMatcher grant =
      PathPatternRequestMatcher.withDefaults()
          .matcher(HttpMethod.GET, ExternalOAuthClientConfiguration.GRANT_BASE + "{appId}/grant");
  private final ExternalClientRegistrations registrations;
  private final ClientExternalAccess access;
  private final DefaultOAuth2AuthorizationRequestResolver stock;

  ExternalGrantRequests(ExternalClientRegistrations registrations, ClientExternalAccess access) {
    this.registrations = registrations;
    this.access = access;
    this.stock =
        new DefaultOAuth2AuthorizationRequestResolver(
            registrations, ExternalOAuthClientConfiguration.GRANT_BASE);
    this.stock.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
    RequestMatcher.MatchResult match = grant.matcher(request);
    if (!match.isMatch()) {
      return null;
    }
    return resolve(request, match.getVariables().get("appId"));
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest resolve(
      HttpServletRequest request, @Nullable String registrationId) {
    ConsoleUser user = Actors.currentConsoleUser();
    if (registrationId == null) {
      return null;
    }
    UUID applicationId = ClientExternalAccess.id(registrationId);
    if (user == null
        || applicationId == null
        || !access.mayGrant(user.userId(), applicationId)
        || registrations.findByRegistrationId(registrationId) == null) {
      return null;
    }
    return stock.resolve(request, registrationId);
  }
}
