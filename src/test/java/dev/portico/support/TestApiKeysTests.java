package dev.portico.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The integration tests' request signer reproduces the reference documentation's fixed vectors
 * (secret {@code secret123}, nonce {@code ABCDEFGHIJKLMNOPQRSTUVWXY}, date {@code Mon, 11 Apr 2016
 * 20:08:56 GMT}, content type {@code application/json}), so a test that signs with it checks the
 * gateway against KEY-5 — not against a copy of the gateway's own code.
 */
class TestApiKeysTests {

  static final String SECRET = "secret123";
  static final String NONCE = "ABCDEFGHIJKLMNOPQRSTUVWXY";
  static final String DATE = "Mon, 11 Apr 2016 20:08:56 GMT";
  static final String JSON = "application/json";

  @Test
  void signatureOfTheSessionInfoVectorIsTheReferenceSignature() {
    assertThat(
            TestApiKeys.signature(SECRET, "GET", NONCE, DATE, JSON, "/api/users/sessioninfo", ""))
        .isEqualTo("nCWH9JiZtLwkN6a2IkKhzr94fVyh8xspwglnIiX/mfs=");
  }

  @Test
  void signatureOfTheDocumentsVectorSignsTheRawQuery() {
    assertThat(
            TestApiKeys.signature(
                SECRET, "POST", NONCE, DATE, JSON, "/api/documents/d/ABC", "a=1&b=%2Fx"))
        .isEqualTo("yTsSuurQLaWTHyqa1T6QRKLjsQn5FWwVohqUrcHipmQ=");
  }

  @Test
  void signatureDependsOnTheSecret() {
    assertThat(
            TestApiKeys.signature(
                "secret124", "GET", NONCE, DATE, JSON, "/api/users/sessioninfo", ""))
        .isNotEqualTo("nCWH9JiZtLwkN6a2IkKhzr94fVyh8xspwglnIiX/mfs=");
  }
}
