package dev.portico.gateway.internal;

import dev.portico.accounts.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The scope an {@code /api/**} call needs (SPEC §13, API-3), decided in the security chain before
 * any handler runs — so before a byte goes upstream: an upstream path rule's scope ({@link
 * UpstreamRules}) where one matches, else the method's: {@code GET}/{@code HEAD} {@code
 * OAuth2Read}, {@code DELETE} {@code OAuth2Delete}, {@code OPTIONS} none (a valid credential),
 * every other method {@code OAuth2Write}.
 */
final class ScopeAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

  private final UpstreamRules rules;
  private final Map<Scope, AuthorizationManager<RequestAuthorizationContext>> byScope =
      new EnumMap<>(Scope.class);
  private final AuthorizationManager<RequestAuthorizationContext> authenticated =
      AuthenticatedAuthorizationManager.authenticated();

  ScopeAuthorizationManager(UpstreamRules rules) {
    this.rules = rules;
    for (Scope scope : Scope.values()) {
      byScope.put(scope, AuthorityAuthorizationManager.hasAuthority("SCOPE_" + scope.name()));
    }
  }

  @Override
  public @Nullable AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    Scope scope = required(context.getRequest());
    return (scope == null ? authenticated : Objects.requireNonNull(byScope.get(scope)))
        .authorize(authentication, context);
  }

  /** The scope this call needs, or null when a valid credential is enough. */
  @Nullable Scope required(HttpServletRequest request) {
    Scope ruled = rules.scopeOf(request);
    return ruled != null ? ruled : byMethod(request.getMethod());
  }

  static @Nullable Scope byMethod(String method) {
    return switch (method) {
      case "GET", "HEAD" -> Scope.OAuth2Read;
      case "DELETE" -> Scope.OAuth2Delete;
      case "OPTIONS" -> null;
      default -> Scope.OAuth2Write;
    };
  }
}
