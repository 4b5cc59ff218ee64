package dev.portico.apikeys.internal;

import dev.portico.apikeys.ApiKeyVerificationFailed;
import dev.portico.apikeys.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a signed API-key request (KEY-5) in the order that costs an attacker most and tells them
 * least: algorithm, nonce shape, date window, key and signature (one answer for unknown keys and
 * wrong signatures, in comparable time: an unknown key is checked against a decoy key, so it costs
 * one HMAC like a known one). Whether the nonce was seen before is <em>not</em> checked here: the
 * gateway does it after verification, so that nonces cannot be burnt without the secret.
 */
public final class OnSignatureVerifier {

  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{16,128}");
  private static final SecretKeySpec DECOY =
      new SecretKeySpec(
          "portico-decoy-key-for-unknown-access-keys".getBytes(StandardCharsets.UTF_8),
          OnSignatures.ALGORITHM);

  private final Clock clock;

  public OnSignatureVerifier(Clock clock) {
    this.clock = clock;
  }

  /**
   * Verifies everything but the nonce's freshness; returns the key whose secret signed the request.
   *
   * @param maxSkew how far the request's {@code Date} may be from this node's time
   * @throws ApiKeyVerificationFailed with the reason when the request does not verify
   * @throws dev.portico.apikeys.ApiKeySecretUnavailable when the key exists but this node cannot
   *     open its secret
   */
  public ResolvedKey verify(
      SignedRequest request, Duration maxSkew, Function<String, Optional<ResolvedKey>> keys) {
    if (!OnSignatures.ALGORITHM.equals(request.algorithm())) {
      throw new ApiKeyVerificationFailed(ApiKeyVerificationFailed.MALFORMED);
    }
    if (!NONCE.matcher(request.nonce()).matches()) {
      throw new ApiKeyVerificationFailed(ApiKeyVerificationFailed.BAD_NONCE);
    }
    checkDate(request.date(), maxSkew);
    Optional<ResolvedKey> key = keys.apply(request.accessKey());
    SecretKeySpec hmacKey = key.isPresent() ? key.get().requireHmacKey() : DECOY;
    String canonical =
        OnSignatures.canonical(
            request.method(),
            request.nonce(),
            request.date(),
            request.contentType(),
            request.path(),
            request.query());
    boolean matches = OnSignatures.matches(hmacKey, canonical, request.signature());
    if (key.isEmpty() || !matches) {
      throw new ApiKeyVerificationFailed(ApiKeyVerificationFailed.INVALID_SIGNATURE);
    }
    return key.get();
  }

  private void checkDate(String date, Duration maxSkew) {
    Instant at;
    try {
      at = RequestDates.parse(date);
    } catch (DateTimeParseException e) {
      throw new ApiKeyVerificationFailed(ApiKeyVerificationFailed.STALE_DATE);
    }
    Duration skew = Duration.between(at, clock.instant()).abs();
    if (skew.compareTo(maxSkew) > 0) {
      throw new ApiKeyVerificationFailed(ApiKeyVerificationFailed.STALE_DATE);
    }
  }
}
