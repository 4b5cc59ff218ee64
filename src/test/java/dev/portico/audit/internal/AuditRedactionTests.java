package dev.portico.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRedactionTests {

  @Test
  void fieldNamedLikeASecretWhenRecordedThenItsValueIsRedacted() {
    Map<String, String> diff =
        AuditRedaction.diff(
            Map.of(
                "password", "hunter2-hunter2",
                "clientSecret", "— → s3cr3t-value",
                "refresh_token", "rt-123",
                "signingKey", "-----BEGIN PRIVATE KEY-----",
                "apiKey", "ak-456",
                "Credentials", "user:pw",
                "keyMaterial", "AAAA"));

    assertThat(diff)
        .containsOnlyKeys(
            "password",
            "clientSecret",
            "refresh_token",
            "signingKey",
            "apiKey",
            "Credentials",
            "keyMaterial")
        .allSatisfy((field, value) -> assertThat(value).isEqualTo(AuditRedaction.REDACTED));
  }

  @Test
  void secretFieldWhenValueOnlySaysItChangedThenThatFactIsKept() {
    assertThat(AuditRedaction.diff(Map.of("password", "changed", "clientSecret", "Regenerated")))
        .containsEntry("password", "changed")
        .containsEntry("clientSecret", "regenerated");
  }

  @Test
  void ordinaryFieldsAndPublicIdentifiersAreKeptAsTheyAre() {
    Map<String, String> diff =
        AuditRedaction.diff(
            Map.of(
                "role", "MEMBER → ADMIN",
                "accessKey", "AKIDEXAMPLE0001",
                "publicKey", "ssh-ed25519 AAAA",
                "monkey business", "none",
                "name", "Acme PLM"));

    assertThat(diff)
        .containsEntry("role", "MEMBER → ADMIN")
        .containsEntry("accessKey", "AKIDEXAMPLE0001")
        .containsEntry("publicKey", "ssh-ed25519 AAAA")
        .containsEntry("monkey business", "none")
        .containsEntry("name", "Acme PLM");
  }

  @Test
  void looksSecretIgnoresCaseAndSeparators() {
    assertThat(AuditRedaction.looksSecret("PASSWORD_HASH")).isTrue();
    assertThat(AuditRedaction.looksSecret("client-secret")).isTrue();
    assertThat(AuditRedaction.looksSecret("Access Token")).isTrue();
    assertThat(AuditRedaction.looksSecret("private.key")).isTrue();
    assertThat(AuditRedaction.looksSecret("access_key")).isFalse();
    assertThat(AuditRedaction.looksSecret("license")).isFalse();
    assertThat(AuditRedaction.looksSecret("redirectUrls")).isFalse();
  }

  @Test
  void longValuesAreCutAndControlCharactersBecomeSpaces() {
    String value = "line one\nline two\t" + "x".repeat(5000);

    String kept = AuditRedaction.diff(Map.of("summary", value)).get("summary");

    assertThat(kept)
        .hasSize(AuditRedaction.MAX_VALUE)
        .endsWith("…")
        .startsWith("line one line two ");
    assertThat(AuditRedaction.cap("a😀b", 3)).isEqualTo("a…");
  }

  @Test
  void diffWithTooManyFieldsKeepsTheFirstAndSaysHowManyWereLeftOut() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < AuditRedaction.MAX_FIELDS + 7; i++) {
      many.put("field%03d".formatted(i), "v" + i);
    }

    Map<String, String> diff = AuditRedaction.diff(many);

    assertThat(diff).hasSize(AuditRedaction.MAX_FIELDS + 1).containsKey("field000");
    assertThat(diff.get(AuditRedaction.MORE_FIELDS)).isEqualTo("7 more field(s) not recorded");
  }
}
