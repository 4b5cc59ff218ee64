package dev.portico.authserver.internal;

import dev.portico.accounts.Scope;
import dev.portico.applications.Application;
import dev.portico.authserver.ApplicationClients;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * The stock authorization request converter, then OAU-2's readings of what the client sent:
 *
 * <ul>
 *   <li>{@code scope} separated by spaces <em>or commas</em> ({@code scope=OAuth2Read,OAuth2Write},
 *       as the reference platform's clients send it); a known scope's name in any case becomes its
 *       canonical name; an unknown one is kept, so that the validator answers {@code
 *       invalid_scope};
 *   <li>no {@code scope}: every scope the app registered;
 *   <li>no {@code redirect_uri}: the app's <em>first</em> registered redirect URL ({@link
 *       Application#redirectUrls()} order; the stock default takes any one of a set). The request
 *       then carries {@link #DEFAULT_REDIRECT}, so that the token endpoint accepts an exchange
 *       without {@code redirect_uri} (RFC 6749 §4.1.3: required only if it was sent to authorize).
 * </ul>
 *
 * An unknown client is left to the provider, which answers with an error page.
 */
final class AuthorizeRequestConverter implements AuthenticationConverter {

  /** Marks an authorization request whose redirect URI Portico chose (the client sent none). */
  static final String DEFAULT_REDIRECT = "portico_default_redirect";

  private static final Pattern SEPARATORS = Pattern.compile("[ ,]+");

  private final AuthenticationConverter stock;
  private final ApplicationClients clients;

  AuthorizeRequestConverter(AuthenticationConverter stock, ApplicationClients clients) {
    this.stock = stock;
    this.clients = clients;
  }

  @Override
  public @Nullable Authentication convert(HttpServletRequest request) {
    Authentication converted = stock.convert(request);
    if (!(converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken asked)) {
      return converted;
    }
    Map<String, Object> parameters = new LinkedHashMap<>(asked.getAdditionalParameters());
    parameters.remove(DEFAULT_REDIRECT); // only Portico sets it
    Set<String> scopes = split(asked.getScopes());
    String redirectUri = asked.getRedirectUri();
    RegisteredClient client = clients.findByClientId(asked.getClientId());
    if (client != null) {
      Optional<Application> app = clients.application(client);
      if (scopes.isEmpty() && app.isPresent()) {
        scopes = names(app.get().scopes());
      }
      if (!StringUtils.hasText(redirectUri) && app.isPresent()) {
        List<String> registered = app.get().redirectUrls();
        if (!registered.isEmpty()) {
          redirectUri = registered.get(0);
          parameters.put(DEFAULT_REDIRECT, "true");
        }
      }
    }
    return new OAuth2AuthorizationCodeRequestAuthenticationToken(
        asked.getAuthorizationUri(),
        asked.getClientId(),
        (Authentication) asked.getPrincipal(),
        redirectUri,
        asked.getState(),
        scopes,
        parameters);
  }

  /** The scopes, each split at commas too, known names made canonical. */
  static Set<String> split(Set<String> asked) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String item : asked) {
      for (String name : SEPARATORS.split(item.strip())) {
        if (!name.isEmpty()) {
          scopes.add(Scope.parse(name).map(Scope::name).orElse(name));
        }
      }
    }
    return scopes;
  }

  /** The scopes' names in declaration order (the order of OAU-4 and of the consent page). */
  static Set<String> names(Set<Scope> scopes) {
    Set<String> names = new LinkedHashSet<>();
    for (Scope scope : Scope.values()) {
      if (scopes.contains(scope)) {
        names.add(scope.name());
      }
    }
    return names;
  }
}
