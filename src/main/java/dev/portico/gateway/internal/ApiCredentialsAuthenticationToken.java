package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Scope;
import dev.portico.apikeys.SignedRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Before authentication: the credentials an {@code /api/**} request presents and the host it came
 * to. After: the {@link ApiCaller} with one {@code SCOPE_<name>} authority per scope.
 */
final class ApiCredentialsAuthenticationToken extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final transient @Nullable Presented presented;
  private final @Nullable String host;
  private final @Nullable ApiCaller caller;

  private ApiCredentialsAuthenticationToken(
      @Nullable Presented presented,
      @Nullable String host,
      @Nullable ApiCaller caller,
      List<GrantedAuthority> authorities) {
    super(authorities);
    this.presented = presented;
    this.host = host;
    this.caller = caller;
    setAuthenticated(caller != null);
  }

  static ApiCredentialsAuthenticationToken unauthenticated(
      Presented presented, @Nullable String host) {
    return new ApiCredentialsAuthenticationToken(presented, host, null, List.of());
  }

  static ApiCredentialsAuthenticationToken authenticated(ApiCaller caller) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Scope scope : Scope.of(caller.scopeBits())) {
      authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope.name()));
    }
    if (caller.operator()) {
      authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    }
    return new ApiCredentialsAuthenticationToken(null, null, caller, authorities);
  }

  @Nullable Presented presented() {
    return presented;
  }

  @Nullable String host() {
    return host;
  }

  @Override
  public @Nullable Object getCredentials() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return caller != null ? caller : "anonymous";
  }

  @Override
  public String getName() {
    return caller != null ? caller.email() : "anonymous";
  }

  /** What the request presented. */
  sealed interface Presented permits Signed, Basic, Bearer {}

  /** {@code Authorization: On ...} */
  record Signed(SignedRequest request) implements Presented {}

  /** {@code Authorization: Basic base64(accessKey:secretKey)}; the secret is never printed. */
  record Basic(String accessKey, String secretKey) implements Presented {
    @Override
    public String toString() {
      return "Basic[" + accessKey + "]";
    }
  }

  /** {@code Authorization: Bearer <token>}; the token is never printed. */
  record Bearer(String token) implements Presented {
    @Override
    public String toString() {
      return "Bearer[…]";
    }
  }
}
