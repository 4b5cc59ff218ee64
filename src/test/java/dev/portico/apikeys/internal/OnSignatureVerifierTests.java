package dev.portico.apikeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.apikeys.ApiKeySecretUnavailable;
import dev.portico.apikeys.ApiKeyVerificationFailed;
import dev.portico.apikeys.SignedRequest;
import dev.portico.apikeys.VerifiedKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fixed vectors of the reference algorithm (secret {@code secret123}, nonce {@code
 * ABCDEFGHIJKLMNOPQRSTUVWXY}, date {@code Mon, 11 Apr 2016 20:08:56 GMT}, content type {@code
 * application/json}): accepted as they are, refused after any one-character change.
 */
class OnSignatureVerifierTests {

  static final String NONCE = "ABCDEFGHIJKLMNOPQRSTUVWXY";
  static final String DATE = "Mon, 11 Apr 2016 20:08:56 GMT";
  static final String JSON = "application/json";
  static final String ACCESS = "AccessKeyForVectors";
  static final String SESSIONINFO_SIGNATURE = "nCWH9JiZtLwkN6a2IkKhzr94fVyh8xspwglnIiX/mfs=";
  static final String DOCUMENTS_SIGNATURE = "yTsSuurQLaWTHyqa1T6QRKLjsQn5FWwVohqUrcHipmQ=";

  static final Duration SKEW = Duration.ofMinutes(5);

  final OnSignatureVerifier verifier =
      new OnSignatureVerifier(Clock.fixed(Instant.parse("2016-04-11T20:08:56Z"), ZoneOffset.UTC));

  final ResolvedKey key = key("secret123");

  @Test
  void verifyWhenSessionInfoVectorThenAccepted() {
    assertThat(verifier.verify(sessionInfo(), SKEW, this::lookup)).isEqualTo(key);
  }

  @Test
  void verifyWhenDocumentsVectorWithEncodedQueryThenAccepted() {
    assertThat(verifier.verify(documents(), SKEW, this::lookup)).isEqualTo(key);
  }

  @Test
  void verifyWhenAnyOneCharacterOfTheVectorsChangesThenRefused() {
    for (SignedRequest vector : new SignedRequest[] {sessionInfo(), documents()}) {
      assertEveryChangeRefused(
          vector.method(),
          m ->
              with(
                  vector,
                  m,
                  vector.nonce(),
                  vector.date(),
                  vector.contentType(),
                  vector.path(),
                  vector.query(),
                  vector.signature()));
      assertEveryChangeRefused(
          vector.nonce(),
          n ->
              with(
                  vector,
                  vector.method(),
                  n,
                  vector.date(),
                  vector.contentType(),
                  vector.path(),
                  vector.query(),
                  vector.signature()));
      assertEveryChangeRefused(
          vector.date(),
          d ->
              with(
                  vector,
                  vector.method(),
                  vector.nonce(),
                  d,
                  vector.contentType(),
                  vector.path(),
                  vector.query(),
                  vector.signature()));
      assertEveryChangeRefused(
          vector.contentType(),
          c ->
              with(
                  vector,
                  vector.method(),
                  vector.nonce(),
                  vector.date(),
                  c,
                  vector.path(),
                  vector.query(),
                  vector.signature()));
      assertEveryChangeRefused(
          vector.path(),
          p ->
              with(
                  vector,
                  vector.method(),
                  vector.nonce(),
                  vector.date(),
                  vector.contentType(),
                  p,
                  vector.query(),
                  vector.signature()));
      assertEveryChangeRefused(
          vector.query(),
          q ->
              with(
                  vector,
                  vector.method(),
                  vector.nonce(),
                  vector.date(),
                  vector.contentType(),
                  vector.path(),
                  q,
                  vector.signature()));
      assertEveryChangeRefused(
          vector.signature(),
          s ->
              with(
                  vector,
                  vector.method(),
                  vector.nonce(),
                  vector.date(),
                  vector.contentType(),
                  vector.path(),
                  vector.query(),
                  s));
    }
  }

  @Test
  void verifyWhenSecretDiffersByOneCharacterThenRefused() {
    assertThatThrownBy(
            () -> verifier.verify(sessionInfo(), SKEW, a -> Optional.of(key("secret124"))))
        .isInstanceOfSatisfying(
            ApiKeyVerificationFailed.class,
            e -> assertThat(e.reason()).isEqualTo("invalid_signature"));
  }

  @Test
  void verifyWhenKeyUnknownThenSameReasonAsWrongSignature() {
    assertThatThrownBy(() -> verifier.verify(sessionInfo(), SKEW, a -> Optional.empty()))
        .isInstanceOfSatisfying(
            ApiKeyVerificationFailed.class,
            e -> assertThat(e.reason()).isEqualTo("invalid_signature"));
  }

  @Test
  void verifyWhenThisNodeCannotOpenTheSecretThenUnavailableRatherThanRefused() {
    ResolvedKey sealedWithUnknownKey =
        ResolvedKey.unavailable(key.key(), ApiKeySecretUnavailable.UNKNOWN_ENCRYPTION_KEY);

    assertThatThrownBy(
            () -> verifier.verify(sessionInfo(), SKEW, a -> Optional.of(sealedWithUnknownKey)))
        .isInstanceOfSatisfying(
            ApiKeySecretUnavailable.class,
            e -> assertThat(e.reason()).isEqualTo("unknown_encryption_key"));
  }

  @Test
  void verifyWhenDateOutsideFiveMinutesThenStale() {
    OnSignatureVerifier later =
        new OnSignatureVerifier(Clock.fixed(Instant.parse("2016-04-11T20:14:57Z"), ZoneOffset.UTC));
    OnSignatureVerifier earlier =
        new OnSignatureVerifier(Clock.fixed(Instant.parse("2016-04-11T20:03:55Z"), ZoneOffset.UTC));
    OnSignatureVerifier withinWindow =
        new OnSignatureVerifier(Clock.fixed(Instant.parse("2016-04-11T20:13:56Z"), ZoneOffset.UTC));
    assertThatThrownBy(() -> later.verify(sessionInfo(), SKEW, this::lookup))
        .hasMessageContaining("stale_date");
    assertThatThrownBy(() -> earlier.verify(sessionInfo(), SKEW, this::lookup))
        .hasMessageContaining("stale_date");
    assertThat(withinWindow.verify(sessionInfo(), SKEW, this::lookup)).isEqualTo(key);
  }

  @Test
  void verifyWhenNonceShorterThanSixteenOrNotAlphanumericThenRefused() {
    SignedRequest v = sessionInfo();
    assertThatThrownBy(
            () ->
                verifier.verify(
                    with(
                        v,
                        v.method(),
                        "ABCDEFGHIJKLMNO",
                        v.date(),
                        v.contentType(),
                        v.path(),
                        v.query(),
                        v.signature()),
                    SKEW,
                    this::lookup))
        .hasMessageContaining("invalid_nonce");
    assertThatThrownBy(
            () ->
                verifier.verify(
                    with(
                        v,
                        v.method(),
                        "ABCDEFGHIJKLMNOP-",
                        v.date(),
                        v.contentType(),
                        v.path(),
                        v.query(),
                        v.signature()),
                    SKEW,
                    this::lookup))
        .hasMessageContaining("invalid_nonce");
  }

  private void assertEveryChangeRefused(
      String original, java.util.function.Function<String, SignedRequest> build) {
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      char other =
          c == 'A'
              ? 'B'
              : (c == 'a'
                  ? 'b'
                  : (Character.isDigit(c) ? (char) ('0' + ((c - '0' + 1) % 10)) : 'A'));
      String changed = original.substring(0, i) + other + original.substring(i + 1);
      if (changed.equalsIgnoreCase(original)) {
        // the canonical string is lower-cased by the reference algorithm: a change of case alone is
        // not a change of what is signed, so change to a different letter instead
        changed =
            original.substring(0, i)
                + (c == 'x' || c == 'X' ? 'q' : 'x')
                + original.substring(i + 1);
      }
      SignedRequest request = build.apply(changed);
      assertThatThrownBy(() -> verifier.verify(request, SKEW, this::lookup))
          .as("change at %d of %s", i, original)
          .isInstanceOf(ApiKeyVerificationFailed.class);
    }
    String appended = original + "x";
    assertThatThrownBy(() -> verifier.verify(build.apply(appended), SKEW, this::lookup))
        .isInstanceOf(ApiKeyVerificationFailed.class);
  }

  private Optional<ResolvedKey> lookup(String accessKey) {
    return ACCESS.equals(accessKey) ? Optional.of(key) : Optional.empty();
  }

  static SignedRequest sessionInfo() {
    return new SignedRequest(
        ACCESS,
        "HmacSHA256",
        SESSIONINFO_SIGNATURE,
        "GET",
        NONCE,
        DATE,
        JSON,
        "/api/users/sessioninfo",
        "");
  }

  static SignedRequest documents() {
    return new SignedRequest(
        ACCESS,
        "HmacSHA256",
        DOCUMENTS_SIGNATURE,
        "POST",
        NONCE,
        DATE,
        JSON,
        "/api/documents/d/ABC",
        "a=1&b=%2Fx");
  }

  static SignedRequest with(
      SignedRequest v,
      String method,
      String nonce,
      String date,
      String contentType,
      String path,
      String query,
      String signature) {
    return new SignedRequest(
        v.accessKey(), v.algorithm(), signature, method, nonce, date, contentType, path, query);
  }

  static ResolvedKey key(String secret) {
    return ResolvedKey.of(
        new VerifiedKey(
            UUID.randomUUID(),
            ACCESS,
            UUID.randomUUID(),
            UUID.randomUUID(),
            "a@b.test",
            "A B",
            false,
            null,
            null,
            null,
            false,
            63,
            "public",
            true),
        secret);
  }
}
