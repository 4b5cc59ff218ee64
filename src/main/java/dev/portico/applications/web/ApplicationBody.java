package dev.portico.applications.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Scope;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationSummary;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.ExternalOAuth;
import dev.portico.applications.IssuedApplication;
import dev.portico.applications.PlatformOAuth;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An application as the REST API shows it (SPEC §13): never a client secret or its hash, never the
 * External OAuth secret (only whether one is set); collaborators' emails only for a credential with
 * {@code OAuth2ReadPII}, otherwise the field is left out.
 */
record ApplicationBody(
    UUID id,
    String name,
    String primaryFormat,
    String summary,
    List<String> redirectUrls,
    ApplicationType type,
    @Nullable String oauthUrl,
    boolean supportsCollaboration,
    List<Scope> scopes,
    @Nullable UUID adminTeamId,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description = "Emails of the collaborators; only for credentials with `OAuth2ReadPII`")
        @Nullable List<String> collaborators,
    String clientId,
    UUID ownerAccountId,
    Instant createdAt,
    PlatformOAuthBody platformOAuth,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Present while the previous secret still works after a regeneration")
        @Nullable PreviousSecretBody previousSecret,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Present when External OAuth is configured (APP-6)")
        @Nullable ExternalOAuthBody externalOAuth) {

  static ApplicationBody of(
      Application app, @Nullable ExternalOAuth external, ApiCaller caller, Instant now) {
    Application.PreviousSecret previous = app.previousSecret();
    return new ApplicationBody(
        app.id(),
        app.name(),
        app.primaryFormat(),
        app.summary(),
        app.redirectUrls(),
        app.type(),
        app.oauthUrl(),
        app.supportsCollaboration(),
        sorted(app.scopes()),
        app.adminTeamId(),
        caller.has(Scope.OAuth2ReadPII) ? app.collaborators() : null,
        app.clientId(),
        app.ownerAccountId(),
        app.createdAt(),
        PlatformOAuthBody.of(app.platformOAuth()),
        previous != null && previous.expiresAt().isAfter(now)
            ? new PreviousSecretBody(previous.expiresAt(), previous.lastUsedAt())
            : null,
        external == null ? null : ExternalOAuthBody.of(external));
  }

  static List<Scope> sorted(Set<Scope> scopes) {
    return scopes.stream().sorted().toList();
  }

  /** The Platform OAuth tab (APP-4): lifetimes as ISO-8601 durations. */
  record PlatformOAuthBody(
      @Schema(example = "PT1H") String accessTokenLifetime,
      @Schema(description = "`null`: a refresh token lives as long as its grant", example = "P30D")
          @Nullable String refreshTokenLifetime,
      boolean skipConsentForOwnCompany) {

    static PlatformOAuthBody of(PlatformOAuth p) {
      return new PlatformOAuthBody(
          p.accessTokenLifetime().toString(),
          p.refreshTokenLifetime() == null ? null : p.refreshTokenLifetime().toString(),
          p.skipConsentForOwnCompany());
    }
  }

  /** The previous secret during a regenerate overlap (APP-3): never the secret itself. */
  record PreviousSecretBody(Instant expiresAt, @Nullable Instant lastUsedAt) {}

  /** The External OAuth configuration (APP-6): the secret is write-only. */
  record ExternalOAuthBody(
      String clientId,
      boolean clientSecretSet,
      String authorizationUrl,
      String tokenUrl,
      @Schema(description = "Scope names separated by spaces; may be empty") String scopes) {

    static ExternalOAuthBody of(ExternalOAuth e) {
      return new ExternalOAuthBody(
          e.clientId(), e.clientSecretSet(), e.authorizationUrl(), e.tokenUrl(), e.scopes());
    }
  }

  /** One row of an applications list (APP-7); read the application for the whole body. */
  record ApplicationListItem(
      UUID id,
      String name,
      ApplicationType type,
      String clientId,
      List<Scope> scopes,
      Instant createdAt,
      UUID ownerAccountId) {

    static ApplicationListItem of(ApplicationSummary s) {
      return new ApplicationListItem(
          s.id(),
          s.name(),
          s.type(),
          s.clientId(),
          sorted(s.scopes()),
          s.createdAt(),
          s.ownerAccountId());
    }
  }

  /**
   * The application with a client secret just made, in the create and regenerate responses only
   * (APP-3): the one moment the secret is shown.
   */
  record IssuedApplicationBody(
      @JsonUnwrapped ApplicationBody application,
      @Schema(description = "The client secret; shown in this response only") String clientSecret) {

    static IssuedApplicationBody of(
        IssuedApplication issued, @Nullable ExternalOAuth external, ApiCaller caller, Instant now) {
      return new IssuedApplicationBody(
          ApplicationBody.of(issued.application(), external, caller, now), issued.clientSecret());
    }

    @Override
    public String toString() {
      return "IssuedApplicationBody[" + application.clientId() + "]";
    }
  }
}
