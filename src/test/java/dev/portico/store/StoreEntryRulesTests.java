package dev.portico.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.PlatformOAuth;
import dev.portico.system.InvalidInput.FieldViolation;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** STO-1's field rules, each at its field, all reported at once. */
class StoreEntryRulesTests {

  private static final UUID TEAM = UUID.randomUUID();

  @Test
  void aCompleteDraftPasses() {
    assertThat(check(valid())).isEmpty();
  }

  @Test
  void everyBrokenFieldIsReportedAtOnce() {
    StoreEntryDraft bad =
        new StoreEntryDraft(
            " ",
            "x".repeat(201),
            "CONNECTED_DESKTOP",
            "GAMES",
            "SPECIFIC",
            Set.of(UUID.randomUUID()),
            "bell\u0007",
            "http://example.com/help",
            "not-an-email",
            "<b>Acme</b>",
            "1".repeat(41));

    assertThat(check(bad))
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder(
            "name",
            "summary",
            "type",
            "category",
            "visibleTeamIds",
            "description",
            "supportUrl",
            "supportEmail",
            "vendor",
            "version");
  }

  @Test
  void typeMustEqualTheAppsType() {
    assertThat(check(with(valid(), "type", "CONNECTED_CLOUD")))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("Integrated Cloud App"));
  }

  @Test
  void categoryComesFromTheFixedList() {
    for (StoreCategory c : StoreCategory.values()) {
      assertThat(check(with(valid(), "category", c.name()))).isEmpty();
    }
    assertThat(check(with(valid(), "category", "Analysis & Simulation")))
        .extracting(FieldViolation::field)
        .containsExactly("category");
    assertThat(check(with(valid(), "category", "")))
        .extracting(FieldViolation::field)
        .containsExactly("category");
  }

  @Test
  void teamVisibilityIsAKnownChoiceAndSpecificNeedsTeamsOfTheCompany() {
    assertThat(check(teams("EVERYONE", Set.of())))
        .extracting(FieldViolation::field)
        .containsExactly("teamVisibility");
    assertThat(check(teams("SPECIFIC", Set.of())))
        .extracting(FieldViolation::field)
        .containsExactly("visibleTeamIds");
    assertThat(check(teams("ALL_INTERNAL", Set.of(TEAM))))
        .extracting(FieldViolation::field)
        .containsExactly("visibleTeamIds");
    assertThat(check(teams("SPECIFIC", Set.of(UUID.randomUUID()))))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("teams of the company"));
    assertThat(check(teams("SPECIFIC", Set.of(TEAM)))).isEmpty();
    assertThat(check(teams("ALL_INTERNAL", Set.of()))).isEmpty();
    assertThat(check(teams("NONE", Set.of()))).isEmpty();
  }

  @Test
  void supportUrlIsHttpsWithAHostOrMailto() {
    for (String ok :
        List.of("https://example.com/help", "mailto:help@example.com", "HTTPS://Example.com")) {
      assertThat(StoreEntryRules.supportUrlProblem(ok)).as(ok).isNull();
    }
    for (String bad :
        List.of(
            "http://example.com",
            "javascript:alert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "https://",
            "https://user:pw@example.com",
            "https://exa mple.com",
            "mailto:nobody",
            "//example.com",
            "https://example.com/\"onmouseover=\"x",
            "https://example.com/" + "a".repeat(2048))) {
      assertThat(StoreEntryRules.supportUrlProblem(bad)).as(bad).isNotNull();
    }
  }

  @Test
  void supportEmailMustBeAnAddress() {
    assertThat(check(with(valid(), "supportEmail", "help@example.com"))).isEmpty();
    for (String bad : List.of("help", "help@", "@example.com", "a b@example.com", "x@y")) {
      assertThat(check(with(valid(), "supportEmail", bad)))
          .as(bad)
          .extracting(FieldViolation::field)
          .containsExactly("supportEmail");
    }
  }

  @Test
  void textFieldsHaveSizesAndRefuseMarkupAndControlCharacters() {
    assertThat(check(with(valid(), "name", "x".repeat(101))))
        .extracting(FieldViolation::field)
        .containsExactly("name");
    assertThat(check(with(valid(), "name", "x".repeat(100)))).isEmpty();
    assertThat(check(with(valid(), "summary", "<script>")))
        .extracting(FieldViolation::field)
        .containsExactly("summary");
    assertThat(check(with(valid(), "vendor", "Acme\u202e")))
        .extracting(FieldViolation::field)
        .containsExactly("vendor");
    assertThat(check(with(valid(), "description", "x".repeat(10_001))))
        .extracting(FieldViolation::field)
        .containsExactly("description");
    assertThat(check(with(valid(), "description", "# Title\n\n<b>markup is fine</b>\ttab")))
        .isEmpty();
  }

  static StoreEntryDraft valid() {
    return new StoreEntryDraft(
        "Acme PLM",
        "Parts lists",
        "INTEGRATED_CLOUD",
        "CAM",
        "NONE",
        Set.of(),
        "**Hello**",
        "https://example.com/help",
        "help@example.com",
        "Acme",
        "1.0");
  }

  private static StoreEntryDraft teams(String visibility, Set<UUID> ids) {
    StoreEntryDraft d = valid();
    return new StoreEntryDraft(
        d.name(),
        d.summary(),
        d.type(),
        d.category(),
        visibility,
        ids,
        d.description(),
        d.supportUrl(),
        d.supportEmail(),
        d.vendor(),
        d.version());
  }

  private static StoreEntryDraft with(StoreEntryDraft d, String field, @Nullable String value) {
    return new StoreEntryDraft(
        field.equals("name") ? value : d.name(),
        field.equals("summary") ? value : d.summary(),
        field.equals("type") ? value : d.type(),
        field.equals("category") ? value : d.category(),
        d.teamVisibility(),
        d.visibleTeamIds(),
        field.equals("description") ? value : d.description(),
        field.equals("supportUrl") ? value : d.supportUrl(),
        field.equals("supportEmail") ? value : d.supportEmail(),
        field.equals("vendor") ? value : d.vendor(),
        field.equals("version") ? value : d.version());
  }

  private static List<FieldViolation> check(StoreEntryDraft d) {
    return StoreEntryRules.check(d, app(), TEAM::equals);
  }

  private static Application app() {
    Instant now = Instant.now();
    return new Application(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Acme PLM",
        "com.acme.plm",
        "Parts lists",
        List.of("https://app.example.com/cb"),
        ApplicationType.INTEGRATED_CLOUD,
        null,
        false,
        Set.of(),
        null,
        List.of(),
        "client",
        now,
        null,
        0,
        new PlatformOAuth(java.time.Duration.ofHours(1), null, false),
        now,
        null,
        now);
  }
}
