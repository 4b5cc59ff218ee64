package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Stack;
import dev.portico.accounts.StackResolver;
import dev.portico.apikeys.ApiKeyDirectory;
import dev.portico.apikeys.ApiKeyDirectory.ResolvedKey;
import dev.portico.gateway.ApiAuthenticationException;
import dev.portico.gateway.ApiTokenAuthenticator;
import dev.portico.gateway.OnSignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Authenticates what {@link ApiCredentialsConverter} read: verifies a signature or a Basic secret
 * against the cached {@link ApiKeyDirectory}, then checks the key's user (KEY-3) and its stack
 * (KEY-4). Bearer tokens go to the {@link ApiTokenAuthenticator}s.
 *
 * <p>It does not spend the nonce of a signed request: {@link ApiAuthenticationFilter} does, after
 * the rate limit, so that calls over the limit cost no write (KEY-5, API-4).
 */
final class ApiCredentialsAuthenticationProvider implements AuthenticationProvider {

  private static final byte[] DECOY =
      "portico-decoy-secret-for-unknown-keys".getBytes(StandardCharsets.UTF_8);

  private final ApiKeyDirectory keys;
  private final OnSignatureVerifier verifier;
  private final StackResolver stacks;
  private final List<ApiTokenAuthenticator> tokens;

  ApiCredentialsAuthenticationProvider(
      ApiKeyDirectory keys,
      OnSignatureVerifier verifier,
      StackResolver stacks,
      List<ApiTokenAuthenticator> tokens) {
    this.keys = keys;
    this.verifier = verifier;
    this.stacks = stacks;
    this.tokens = List.copyOf(tokens);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    ApiCredentialsAuthenticationToken token = (ApiCredentialsAuthenticationToken) authentication;
    ApiCredentialsAuthenticationToken.Presented presented = token.presented();
    ApiCaller caller;
    if (presented instanceof ApiCredentialsAuthenticationToken.Signed signed) {
      caller = signed(signed, token.host());
    } else if (presented instanceof ApiCredentialsAuthenticationToken.Basic basic) {
      caller = basic(basic, token.host());
    } else if (presented instanceof ApiCredentialsAuthenticationToken.Bearer bearer) {
      caller = bearer(bearer);
    } else {
      throw new ApiAuthenticationException(ApiAuthenticationException.MISSING);
    }
    return ApiCredentialsAuthenticationToken.authenticated(caller);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return ApiCredentialsAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private ApiCaller signed(ApiCredentialsAuthenticationToken.Signed signed, @Nullable String host) {
    ResolvedKey key = verifier.verify(signed.request(), keys::lookup);
    checkKey(key, host);
    return callerOf(key, ApiCaller.Credential.SIGNED_KEY);
  }

  private ApiCaller basic(ApiCredentialsAuthenticationToken.Basic basic, @Nullable String host) {
    Optional<ResolvedKey> key = keys.lookup(basic.accessKey());
    byte[] presented = basic.secretKey().getBytes(StandardCharsets.UTF_8);
    boolean matches = MessageDigest.isEqual(key.map(ResolvedKey::secret).orElse(DECOY), presented);
    if (key.isEmpty() || !matches) {
      throw new ApiAuthenticationException(ApiAuthenticationException.INVALID_KEY);
    }
    checkKey(key.get(), host);
    return callerOf(key.get(), ApiCaller.Credential.BASIC_KEY);
  }

  private ApiCaller bearer(ApiCredentialsAuthenticationToken.Bearer bearer) {
    for (ApiTokenAuthenticator authenticator : tokens) {
      Optional<ApiCaller> caller = authenticator.authenticate(bearer.token());
      if (caller.isPresent()) {
        return caller.get();
      }
    }
    throw new ApiAuthenticationException(ApiAuthenticationException.INVALID_KEY);
  }

  private void checkKey(ResolvedKey key, @Nullable String host) {
    if (!key.usable()) {
      throw new ApiAuthenticationException(ApiAuthenticationException.INACTIVE_USER);
    }
    if (key.operator() || "any".equals(key.stackKey())) {
      return;
    }
    Stack stack = stacks.resolve(host);
    if (!stack.key().equals(key.stackKey())) {
      throw new ApiAuthenticationException(ApiAuthenticationException.WRONG_STACK);
    }
  }

  private ApiCaller callerOf(ResolvedKey key, ApiCaller.Credential credential) {
    keys.recordUse(key.keyId());
    return new ApiCaller(
        key.userId(),
        key.email(),
        key.name(),
        key.light(),
        key.role(),
        key.accountId(),
        key.companyId(),
        key.companyName(),
        key.scopeBits(),
        key.operator(),
        credential,
        key.keyId(),
        null);
  }
}
