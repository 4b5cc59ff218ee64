package dev.portico.store;

import dev.portico.applications.Application;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.PlainText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * STO-1's field rules, every broken one at its field at once: Name and Summary required plain text,
 * Type equal to the app's type, Category from the fixed list, Team visibility with teams of the
 * owning company only, Support URL https (or {@code mailto:}), Support email an address, and the
 * sizes. The description is Markdown, rendered through an allow-list, so it may hold anything but
 * control characters.
 */
public final class StoreEntryRules {

  public static final int MAX_NAME = 100;
  public static final int MAX_SUMMARY = 200;
  public static final int MAX_DESCRIPTION = 10_000;
  public static final int MAX_URL = 2048;
  public static final int MAX_EMAIL = 254;
  public static final int MAX_VENDOR = 100;
  public static final int MAX_VERSION = 40;
  public static final int MAX_TEAMS = 50;

  private static final String EMAIL = "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$";

  private StoreEntryRules() {}

  /**
   * Every broken rule of the draft for this app.
   *
   * @param companyTeam whether a team id is a team of the app's owning company (always false for a
   *     personal account, which has no teams)
   */
  public static List<FieldViolation> check(
      StoreEntryDraft d, Application app, Predicate<UUID> companyTeam) {
    List<FieldViolation> found = new ArrayList<>();
    text(found, "name", d.name(), MAX_NAME, true);
    text(found, "summary", d.summary(), MAX_SUMMARY, true);
    text(found, "vendor", d.vendor(), MAX_VENDOR, false);
    text(found, "version", d.version(), MAX_VERSION, false);
    if (d.type().isBlank()) {
      found.add(new FieldViolation("type", "is required"));
    } else if (!d.type().equals(app.type().name())) {
      found.add(
          new FieldViolation(
              "type", "must be the app's type, " + app.type().label() + " (" + app.type() + ")"));
    }
    if (d.category().isBlank()) {
      found.add(new FieldViolation("category", "is required"));
    } else if (!names(StoreCategory.values()).contains(d.category())) {
      found.add(new FieldViolation("category", "must be one of " + names(StoreCategory.values())));
    }
    checkTeams(found, d, companyTeam);
    String description = d.description();
    if (description != null) {
      if (description.length() > MAX_DESCRIPTION) {
        found.add(
            new FieldViolation(
                "description", "must be at most " + MAX_DESCRIPTION + " characters"));
      } else if (description.chars().anyMatch(StoreEntryRules::forbiddenControl)) {
        found.add(new FieldViolation("description", "must not contain control characters"));
      }
    }
    String url = d.supportUrl();
    if (url != null) {
      String problem = supportUrlProblem(url);
      if (problem != null) {
        found.add(new FieldViolation("supportUrl", problem));
      }
    }
    String email = d.supportEmail();
    if (email != null && (email.length() > MAX_EMAIL || !email.matches(EMAIL))) {
      found.add(
          new FieldViolation("supportEmail", "must be an email address such as help@example.com"));
    }
    return found;
  }

  private static void checkTeams(
      List<FieldViolation> found, StoreEntryDraft d, Predicate<UUID> companyTeam) {
    if (!names(TeamVisibility.values()).contains(d.teamVisibility())) {
      found.add(
          new FieldViolation("teamVisibility", "must be one of " + names(TeamVisibility.values())));
      return;
    }
    boolean specific = d.teamVisibility().equals(TeamVisibility.SPECIFIC.name());
    if (specific && d.visibleTeamIds().isEmpty()) {
      found.add(new FieldViolation("visibleTeamIds", "choose at least one team"));
    } else if (!specific && !d.visibleTeamIds().isEmpty()) {
      found.add(
          new FieldViolation("visibleTeamIds", "teams are chosen only with SPECIFIC visibility"));
    } else if (d.visibleTeamIds().size() > MAX_TEAMS) {
      found.add(new FieldViolation("visibleTeamIds", "at most " + MAX_TEAMS + " teams"));
    } else if (!d.visibleTeamIds().stream().allMatch(companyTeam)) {
      found.add(
          new FieldViolation("visibleTeamIds", "must be teams of the company that owns the app"));
    }
  }

  /** Why this is not a support URL (https with a host, or {@code mailto:} an address), or null. */
  public static @Nullable String supportUrlProblem(String url) {
    if (url.length() > MAX_URL) {
      return "must be at most " + MAX_URL + " characters";
    }
    if (url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"')) {
      return "must not contain spaces, control characters, quotes or < >";
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mailto:")) {
      return url.substring(7).matches(EMAIL) ? null : "must be mailto: an email address";
    }
    try {
      URI uri = new URI(url);
      if (!"https".equals(lower.substring(0, Math.min(lower.length(), 5)))
          || !"https".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return "must be an https:// URL with a host (or mailto:)";
      }
    } catch (URISyntaxException e) {
      return "must be an https:// URL with a host (or mailto:)";
    }
    return null;
  }

  private static void text(
      List<FieldViolation> found, String field, @Nullable String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        found.add(new FieldViolation(field, "is required"));
      }
      return;
    }
    if (value.length() > max) {
      found.add(new FieldViolation(field, "must be at most " + max + " characters"));
    } else if (!PlainText.Validator.isPlainText(value)) {
      found.add(
          new FieldViolation(
              field, "must not contain control characters or the characters < and >"));
    }
  }

  private static boolean forbiddenControl(int c) {
    return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
