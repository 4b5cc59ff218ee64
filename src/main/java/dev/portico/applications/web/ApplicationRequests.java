package dev.portico.applications.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.portico.accounts.Scope;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.ExternalOAuth;
import dev.portico.applications.ExternalOAuthDraft;
import dev.portico.applications.PlatformOAuth;
import dev.portico.system.InvalidInput.FieldViolation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The request bodies of the applications REST API (SPEC §13) and how they become drafts. */
final class ApplicationRequests {

  private ApplicationRequests() {}

  /** {@code POST …/applications}: the APP-2 fields. */
  record NewApplication(
      @Nullable String name,
      @Schema(example = "com.example.stl-preview") @Nullable String primaryFormat,
      @Nullable String summary,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable List<String> redirectUrls,
      @Nullable ApplicationType type,
      @Nullable String oauthUrl,
      @Nullable Boolean supportsCollaboration,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable Set<Scope> scopes,
      @Nullable UUID adminTeamId,
      @Schema(description = "Emails of users who may edit the app; needs supportsCollaboration")
          @JsonSetter(contentNulls = Nulls.FAIL)
          @Nullable List<String> collaborators) {

    ApplicationDraft toDraft() {
      return new ApplicationDraft(
          text(name),
          text(primaryFormat),
          text(summary),
          redirectUrls == null ? List.of() : redirectUrls,
          type,
          oauthUrl,
          Boolean.TRUE.equals(supportsCollaboration),
          scopes == null ? Set.of() : scopes,
          adminTeamId,
          collaborators == null ? List.of() : collaborators);
    }
  }

  /**
   * {@code PATCH …/applications/{id}}: any of the APP-2 fields, the Platform OAuth settings and the
   * External OAuth configuration. A field left out or {@code null} keeps its value, except {@code
   * oauthUrl} and {@code adminTeamId}, which {@code null} clears, and {@code externalOAuth}, which
   * {@code null} removes.
   */
  record ApplicationChanges(
      @Nullable String name,
      @Schema(description = "Immutable: only the registered value is accepted")
          @Nullable String primaryFormat,
      @Nullable String summary,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable List<String> redirectUrls,
      @Nullable ApplicationType type,
      @Schema(description = "`null` or empty clears it") @Nullable String oauthUrl,
      @Nullable Boolean supportsCollaboration,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable Set<Scope> scopes,
      @Schema(description = "`null` clears it") @Nullable UUID adminTeamId,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable List<String> collaborators,
      @Schema(description = "Managers only") @Nullable PlatformOAuthChanges platformOAuth,
      @Schema(description = "Managers only; `null` removes the configuration")
          @Nullable ExternalOAuthChanges externalOAuth) {

    /** Whether the body changes the app's definition (what editors may change). */
    boolean changesDefinition(JsonNode body) {
      for (String field :
          List.of(
              "name",
              "primaryFormat",
              "summary",
              "redirectUrls",
              "type",
              "oauthUrl",
              "supportsCollaboration",
              "scopes",
              "adminTeamId",
              "collaborators")) {
        if (body.has(field)) {
          return true;
        }
      }
      return false;
    }

    /** The app's definition with the fields given changed. */
    ApplicationDraft over(Application app, JsonNode body) {
      boolean collaboration =
          supportsCollaboration != null ? supportsCollaboration : app.supportsCollaboration();
      List<String> collaboratorList =
          collaborators != null
              ? collaborators
              // turning collaboration off drops the collaborators, as the console does
              : collaboration ? app.collaborators() : List.of();
      return new ApplicationDraft(
          name != null ? name : app.name(),
          primaryFormat != null ? primaryFormat : app.primaryFormat(),
          summary != null ? summary : app.summary(),
          redirectUrls != null ? redirectUrls : app.redirectUrls(),
          type != null ? type : app.type(),
          body.has("oauthUrl") ? oauthUrl : app.oauthUrl(),
          collaboration,
          scopes != null ? scopes : app.scopes(),
          body.has("adminTeamId") ? adminTeamId : app.adminTeamId(),
          collaboratorList);
    }
  }

  /** The Platform OAuth settings to change; lifetimes are ISO-8601 durations. */
  record PlatformOAuthChanges(
      @Schema(example = "PT2H") @Nullable String accessTokenLifetime,
      @Schema(description = "`null`: as long as the grant lasts", example = "P30D")
          @Nullable String refreshTokenLifetime,
      @Nullable Boolean skipConsentForOwnCompany) {

    /** The settings with the fields given changed; unparsable durations are added as violations. */
    PlatformOAuth over(PlatformOAuth current, JsonNode body, List<FieldViolation> violations) {
      Duration access = current.accessTokenLifetime();
      if (accessTokenLifetime != null) {
        access = duration("accessTokenLifetime", accessTokenLifetime, violations).orElse(access);
      }
      Duration refresh = current.refreshTokenLifetime();
      if (body.has("refreshTokenLifetime")) {
        refresh =
            refreshTokenLifetime == null || refreshTokenLifetime.isBlank()
                ? null
                : duration("refreshTokenLifetime", refreshTokenLifetime, violations)
                    .orElse(refresh);
      }
      return new PlatformOAuth(
          access,
          refresh,
          skipConsentForOwnCompany != null
              ? skipConsentForOwnCompany
              : current.skipConsentForOwnCompany());
    }

    private static Optional<Duration> duration(
        String field, String text, List<FieldViolation> violations) {
      try {
        return Optional.of(Duration.parse(text.strip()));
      } catch (DateTimeParseException e) {
        violations.add(
            new FieldViolation(
                "platformOAuth." + field, "must be an ISO-8601 duration such as PT1H or P30D"));
        return Optional.empty();
      }
    }
  }

  /** The External OAuth configuration to set; fields left out keep the stored values. */
  record ExternalOAuthChanges(
      @Nullable String clientId,
      @Schema(description = "Write-only: stored encrypted, never answered; left out keeps it")
          @Nullable String clientSecret,
      @Nullable String authorizationUrl,
      @Nullable String tokenUrl,
      @Schema(description = "Scope names separated by spaces; may be empty")
          @Nullable String scopes) {

    ExternalOAuthDraft over(@Nullable ExternalOAuth current) {
      return new ExternalOAuthDraft(
          clientId != null ? clientId : current == null ? "" : current.clientId(),
          clientSecret,
          authorizationUrl != null
              ? authorizationUrl
              : current == null ? "" : current.authorizationUrl(),
          tokenUrl != null ? tokenUrl : current == null ? "" : current.tokenUrl(),
          scopes != null ? scopes : current == null ? "" : current.scopes());
    }

    @Override
    public String toString() {
      return "ExternalOAuthChanges[" + clientId + "]";
    }
  }

  /** {@code POST …/secret}: how long the previous secret keeps working. */
  record SecretRegeneration(
      @Schema(
              description =
                  "How long the previous secret keeps working (default `PT0S`: not at all)",
              allowableValues = {"PT0S", "PT1H", "PT24H", "P7D"})
          @Nullable String keepPreviousFor) {}

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
