package dev.portico.applications;

import dev.portico.accounts.Scope;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The audit diffs of application changes (AUD-1): field → "old → new"; never a secret. */
final class ApplicationDiff {

  private ApplicationDiff() {}

  /** Everything a new application was registered with. */
  static Map<String, String> of(Application app) {
    Map<String, String> diff = new LinkedHashMap<>();
    diff.put("name", app.name());
    diff.put("primaryFormat", app.primaryFormat());
    diff.put("type", app.type().name());
    diff.put("scopes", scopes(app));
    diff.put("redirectUrls", String.join(" ", app.redirectUrls()));
    if (app.oauthUrl() != null) {
      diff.put("oauthUrl", app.oauthUrl());
    }
    if (app.supportsCollaboration()) {
      diff.put("supportsCollaboration", "true");
    }
    if (!app.collaborators().isEmpty()) {
      diff.put("collaborators", String.join(" ", app.collaborators()));
    }
    if (app.adminTeamId() != null) {
      diff.put("adminTeamId", String.valueOf(app.adminTeamId()));
    }
    return diff;
  }

  /** The fields that differ between two states of an application. */
  static Map<String, String> between(Application a, Application b) {
    Map<String, String> diff = new LinkedHashMap<>();
    put(diff, "name", a.name(), b.name());
    put(diff, "summary", a.summary(), b.summary());
    put(diff, "type", a.type().name(), b.type().name());
    put(
        diff,
        "redirectUrls",
        String.join(" ", a.redirectUrls()),
        String.join(" ", b.redirectUrls()));
    put(diff, "oauthUrl", a.oauthUrl(), b.oauthUrl());
    put(
        diff,
        "supportsCollaboration",
        String.valueOf(a.supportsCollaboration()),
        String.valueOf(b.supportsCollaboration()));
    put(
        diff,
        "collaborators",
        String.join(" ", a.collaborators()),
        String.join(" ", b.collaborators()));
    put(diff, "scopes", scopes(a), scopes(b));
    put(diff, "adminTeamId", str(a.adminTeamId()), str(b.adminTeamId()));
    PlatformOAuth p = a.platformOAuth();
    PlatformOAuth q = b.platformOAuth();
    put(
        diff,
        "platformOAuth.accessLifetime",
        words(p.accessTokenLifetime()),
        words(q.accessTokenLifetime()));
    put(
        diff,
        "platformOAuth.refreshLifetime",
        words(p.refreshTokenLifetime()),
        words(q.refreshTokenLifetime()));
    put(
        diff,
        "platformOAuth.skipConsentForOwnCompany",
        String.valueOf(p.skipConsentForOwnCompany()),
        String.valueOf(q.skipConsentForOwnCompany()));
    return diff;
  }

  /** A change of the External OAuth configuration; a new secret shows as "changed". */
  static Map<String, String> external(
      @Nullable ExternalOAuth a, ExternalOAuth b, boolean secretChanged) {
    Map<String, String> diff = new LinkedHashMap<>();
    put(diff, "externalOAuth.clientId", a == null ? null : a.clientId(), b.clientId());
    put(
        diff,
        "externalOAuth.authorizationUrl",
        a == null ? null : a.authorizationUrl(),
        b.authorizationUrl());
    put(diff, "externalOAuth.tokenUrl", a == null ? null : a.tokenUrl(), b.tokenUrl());
    put(diff, "externalOAuth.scopes", a == null ? null : a.scopes(), b.scopes());
    if (secretChanged) {
      diff.put("externalOAuth.clientSecret", "changed");
    }
    return diff;
  }

  private static void put(
      Map<String, String> diff, String field, @Nullable String a, @Nullable String b) {
    if (!Objects.equals(a, b)) {
      diff.put(field, (a == null ? "—" : a) + " → " + (b == null ? "—" : b));
    }
  }

  private static String scopes(Application app) {
    return app.scopes().stream().sorted().map(Scope::name).collect(Collectors.joining(" "));
  }

  private static @Nullable String str(@Nullable Object o) {
    return o == null ? null : o.toString();
  }

  /** A lifetime in words: {@code 30 minutes}, {@code 1 hour}, {@code 7 days}. */
  static String words(@Nullable Duration d) {
    if (d == null) {
      return "as long as the grant";
    }
    if (d.toDays() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
      return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }
    if (d.toHours() > 0 && d.toMinutesPart() == 0) {
      return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
    return d.toMinutes() + " minutes";
  }
}
