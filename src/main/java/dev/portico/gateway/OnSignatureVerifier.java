package dev.portico.gateway;

import dev.portico.apikeys.ApiKeyDirectory.ResolvedKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a signed API-key request (KEY-5) in the order that costs an attacker most and tells them
 * least: algorithm, nonce shape, date window, key and signature (one answer for unknown keys and
 * wrong signatures, in comparable time), and only then whether the nonce was seen before, so that
 * nonces cannot be burnt without the secret.
 */
public final class OnSignatureVerifier {

  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{16,128}");
  private static final SecretKeySpec DECOY =
      new SecretKeySpec(
          "portico-decoy-key-for-unknown-access-keys".getBytes(StandardCharsets.UTF_8),
          OnSignatures.ALGORITHM);

  private final Clock clock;
  private final Duration maxSkew;

  public OnSignatureVerifier(Clock clock, Duration maxSkew) {
    this.clock = clock;
    this.maxSkew = maxSkew;
  }

  /**
   * Verifies everything but the nonce's freshness; returns the key whose secret signed the request.
   *
   * @throws ApiAuthenticationException with the reason when the request does not verify
   */
  public ResolvedKey verify(SignedRequest request, Function<String, Optional<ResolvedKey>> keys) {
    if (!OnSignatures.ALGORITHM.equals(request.algorithm())) {
      throw new ApiAuthenticationException(ApiAuthenticationException.MALFORMED);
    }
    if (!NONCE.matcher(request.nonce()).matches()) {
      throw new ApiAuthenticationException(ApiAuthenticationException.BAD_NONCE);
    }
    checkDate(request.date());
    Optional<ResolvedKey> key = keys.apply(request.accessKey());
    String canonical =
        OnSignatures.canonical(
            request.method(),
            request.nonce(),
            request.date(),
            request.contentType(),
            request.path(),
            request.query());
    boolean matches =
        OnSignatures.matches(
            key.map(ResolvedKey::hmacKey).orElse(DECOY), canonical, request.signature());
    if (key.isEmpty() || !matches) {
      throw new ApiAuthenticationException(ApiAuthenticationException.INVALID_SIGNATURE);
    }
    return key.get();
  }

  private void checkDate(String date) {
    Instant at;
    try {
      at = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new ApiAuthenticationException(ApiAuthenticationException.STALE_DATE);
    }
    Duration skew = Duration.between(at, clock.instant()).abs();
    if (skew.compareTo(maxSkew) > 0) {
      throw new ApiAuthenticationException(ApiAuthenticationException.STALE_DATE);
    }
  }
}
