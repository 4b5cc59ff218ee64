package dev.portico.applications.web;

import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.applications.ApplicationCredentials;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.IssuedApplication;
import dev.portico.applications.SecretOverlap;
import dev.portico.applications.web.ApplicationRequests.SecretRegeneration;
import dev.portico.system.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An OAuth application's client secret over REST (SPEC §13, APP-3): regenerate it, with an optional
 * overlap during which the previous one still works, and end that overlap. Managers only; the new
 * secret is in the regenerate response only, never cached.
 */
@RestController
@Tag(name = "OAuth applications", description = "OAuth applications of a company or an individual")
class ApplicationSecretsRestController {

  private static final String APP = "/api/developer/applications/{appId}";

  private final ApplicationAccess access;
  private final ApplicationCredentials credentials;
  private final ApplicationOAuthSettings oauthSettings;
  private final Clock clock;

  ApplicationSecretsRestController(
      ApplicationAccess access,
      ApplicationCredentials credentials,
      ApplicationOAuthSettings oauthSettings,
      Clock clock) {
    this.access = access;
    this.credentials = credentials;
    this.oauthSettings = oauthSettings;
    this.clock = clock;
  }

  @PostMapping(APP + "/secret")
  @ResponseStatus(HttpStatus.OK)
  @Operation(
      summary = "Regenerate the client secret (managers); the new one is in this response only",
      description =
          "`keepPreviousFor` (ISO-8601: `PT0S`, `PT1H`, `PT24H` or `P7D`; default `PT0S`) keeps"
              + " the previous secret working for that long (APP-3). Tokens already issued stay"
              + " valid.")
  ResponseEntity<ApplicationBody.IssuedApplicationBody> regenerateSecret(
      ApiCaller caller,
      @PathVariable UUID appId,
      @RequestBody(required = false) @Nullable SecretRegeneration body,
      HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    SecretOverlap overlap = overlap(body);
    IssuedApplication issued =
        credentials.regenerateSecret(Actors.of(caller, request), app, overlap);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .body(
            ApplicationBody.IssuedApplicationBody.of(
                issued,
                oauthSettings.externalOAuth(app.id()).orElse(null),
                caller,
                clock.instant()));
  }

  @PostMapping(APP + "/secret/previous/revoke")
  @ResponseStatus(HttpStatus.OK)
  @Operation(
      summary = "Stop the previous client secret now, ending a regenerate overlap (managers)")
  @ApiResponse(responseCode = "409", description = "There is no previous secret that still works.")
  ApplicationBody revokePreviousSecret(
      ApiCaller caller, @PathVariable UUID appId, HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    return body(credentials.revokePreviousSecret(Actors.of(caller, request), app), caller);
  }

  private static SecretOverlap overlap(@Nullable SecretRegeneration body) {
    String text = body == null ? null : body.keepPreviousFor();
    if (text == null) {
      return SecretOverlap.NONE;
    }
    return SecretOverlap.ofIso(text)
        .orElseThrow(
            () -> InvalidInput.of("keepPreviousFor", "must be one of: PT0S, PT1H, PT24H, P7D"));
  }

  private ApplicationBody body(Application app, ApiCaller caller) {
    return ApplicationBody.of(
        app, oauthSettings.externalOAuth(app.id()).orElse(null), caller, clock.instant());
  }
}
