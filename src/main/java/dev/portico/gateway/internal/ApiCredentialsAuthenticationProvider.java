package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Stack;
import dev.portico.accounts.StackResolver;
import dev.portico.apikeys.ApiKeyDirectory;
import dev.portico.apikeys.ApiKeyVerificationFailed;
import dev.portico.apikeys.VerifiedKey;
import dev.portico.gateway.ApiAuthenticationException;
import dev.portico.gateway.ApiTokenAuthenticator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Authenticates what {@link ApiCredentialsConverter} read: has the {@link ApiKeyDirectory} verify a
 * signature or a Basic secret (the secret never leaves the API-keys module), then checks the key's
 * user (KEY-3) and its stack (KEY-4). Bearer tokens go to the {@link ApiTokenAuthenticator}s.
 *
 * <p>It does not spend the nonce of a signed request: {@link ApiAuthenticationFilter} does, after
 * the rate limit, so that calls over the limit cost no write (KEY-5, API-4).
 */
final class ApiCredentialsAuthenticationProvider implements AuthenticationProvider {

  private final ApiKeyDirectory keys;
  private final Duration maxClockSkew;
  private final StackResolver stacks;
  private final List<ApiTokenAuthenticator> tokens;

  ApiCredentialsAuthenticationProvider(
      ApiKeyDirectory keys,
      Duration maxClockSkew,
      StackResolver stacks,
      List<ApiTokenAuthenticator> tokens) {
    this.keys = keys;
    this.maxClockSkew = maxClockSkew;
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
    VerifiedKey key = verified(() -> keys.verifySigned(signed.request(), maxClockSkew));
    checkKey(key, host);
    return callerOf(key, ApiCaller.Credential.SIGNED_KEY);
  }

  private ApiCaller basic(ApiCredentialsAuthenticationToken.Basic basic, @Nullable String host) {
    VerifiedKey key = verified(() -> keys.verifyBasic(basic.accessKey(), basic.secretKey()));
    checkKey(key, host);
    return callerOf(key, ApiCaller.Credential.BASIC_KEY);
  }

  /** Runs a verification, its failures as this chain's 401 with the same reason code. */
  private static VerifiedKey verified(Supplier<VerifiedKey> verification) {
    try {
      return verification.get();
    } catch (ApiKeyVerificationFailed e) {
      throw new ApiAuthenticationException(e.reason());
    }
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

  private void checkKey(VerifiedKey key, @Nullable String host) {
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

  private ApiCaller callerOf(VerifiedKey key, ApiCaller.Credential credential) {
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
        null,
        null);
  }
}
