package dev.portico.applications.web;

import dev.portico.applications.AccessibleApplication;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ExternalOAuth;
import dev.portico.applications.PlatformOAuth;
import dev.portico.applications.web.ApplicationRequests.ApplicationChanges;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.NotFound;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Applies a PATCH of an application (definition, Platform OAuth, External OAuth) for {@link
 * ApplicationsRestController}, in the caller's transaction.
 */
@Component
class ApplicationPatches {

  private final ApplicationManagement applications;
  private final ApplicationOAuthSettings oauthSettings;

  ApplicationPatches(ApplicationManagement applications, ApplicationOAuthSettings oauthSettings) {
    this.applications = applications;
    this.oauthSettings = oauthSettings;
  }

  /**
   * Applies a PATCH in one transaction. Violations of every part (definition, Platform OAuth,
   * External OAuth) are gathered and answered together; any of them rolls everything back.
   */
  Application apply(
      Actor actor, AccessibleApplication target, ApplicationChanges changes, JsonNode body) {
    List<FieldViolation> violations = new ArrayList<>();
    Application current = target.application();
    if (changes.changesDefinition(body)) {
      ApplicationDraft draft = changes.over(current, body);
      try {
        current = applications.update(actor, current, target.role(), draft);
      } catch (InvalidInput e) {
        violations.addAll(RestViolations.withoutValues(e, draft).violations());
      }
    }
    ApplicationRequests.PlatformOAuthChanges platform = changes.platformOAuth();
    if (platform != null) {
      List<FieldViolation> found = new ArrayList<>();
      PlatformOAuth wanted =
          platform.over(current.platformOAuth(), body.path("platformOAuth"), found);
      violations.addAll(found);
      if (found.isEmpty()) {
        try {
          current = oauthSettings.updatePlatformOAuth(actor, current, wanted);
        } catch (InvalidInput e) {
          violations.addAll(prefixed("platformOAuth.", e));
        }
      }
    }
    ApplicationRequests.ExternalOAuthChanges external = changes.externalOAuth();
    if (body.has("externalOAuth")) {
      if (external == null) {
        oauthSettings.removeExternalOAuth(actor, current);
      } else {
        ExternalOAuth stored = oauthSettings.externalOAuth(current.id()).orElse(null);
        try {
          oauthSettings.updateExternalOAuth(actor, current, external.over(stored));
        } catch (InvalidInput e) {
          violations.addAll(prefixed("externalOAuth.", e));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return applications.application(current.id()).orElseThrow(() -> new NotFound("Application"));
  }

  private static List<FieldViolation> prefixed(String prefix, InvalidInput e) {
    return e.violations().stream()
        .map(v -> new FieldViolation(prefix + v.field(), v.message()))
        .toList();
  }
}
