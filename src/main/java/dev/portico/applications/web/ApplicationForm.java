package dev.portico.applications.web;

import dev.portico.accounts.Scope;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationType;
import dev.portico.system.InvalidInput.FieldViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The registration and Settings form of an OAuth application (APP-2), and the Permissions tab's
 * scopes. Every field is a plain string (lists: one entry a line) so that a tampered value — an
 * unknown type or scope, a malformed team id, a checkbox that says "maybe" — becomes a field error
 * from {@link #problems()} rather than a binding failure or a 500.
 */
public class ApplicationForm {

  private @Nullable String name;
  private @Nullable String primaryFormat;
  private @Nullable String summary;
  private @Nullable String redirectUrls;
  private @Nullable String type;
  private @Nullable String oauthUrl;
  private @Nullable String supportsCollaboration;
  private @Nullable String collaborators;
  private List<String> scopes = new ArrayList<>();
  private @Nullable String adminTeamId;

  /** The form filled with the application as it is now: where Settings starts. */
  static ApplicationForm of(Application app) {
    ApplicationForm form = new ApplicationForm();
    form.name = app.name();
    form.primaryFormat = app.primaryFormat();
    form.summary = app.summary();
    form.redirectUrls = String.join("\n", app.redirectUrls());
    form.type = app.type().name();
    form.oauthUrl = app.oauthUrl();
    form.supportsCollaboration = app.supportsCollaboration() ? "true" : null;
    form.collaborators = String.join("\n", app.collaborators());
    form.scopes = app.scopes().stream().sorted().map(Scope::name).toList();
    form.adminTeamId = app.adminTeamId() == null ? null : app.adminTeamId().toString();
    return form;
  }

  /**
   * What no honest form can send: values outside the choices offered. Each is reported at its
   * field; the draft is only built when there are none.
   */
  List<FieldViolation> problems() {
    List<FieldViolation> found = new ArrayList<>();
    if (!blank(type) && chosenType().isEmpty()) {
      found.add(new FieldViolation("type", "choose one of the types offered"));
    }
    if (scopes.stream().anyMatch(s -> Scope.parse(s).isEmpty())) {
      found.add(new FieldViolation("scopes", "contains a permission that does not exist"));
    }
    if (!blank(adminTeamId) && chosenTeam().isEmpty()) {
      found.add(new FieldViolation("adminTeamId", "choose one of the teams offered"));
    }
    if (!blank(supportsCollaboration) && collaboration() == null) {
      found.add(new FieldViolation("supportsCollaboration", "is either on or off"));
    }
    return found;
  }

  /** The draft the form describes; call when {@link #problems()} found none. */
  ApplicationDraft toDraft() {
    return new ApplicationDraft(
        orEmpty(name),
        orEmpty(primaryFormat),
        orEmpty(summary),
        lines(redirectUrls),
        chosenType().orElse(null),
        oauthUrl,
        Boolean.TRUE.equals(collaboration()),
        knownScopes(),
        chosenTeam().orElse(null),
        lines(collaborators));
  }

  /** The application's draft as it is, with only the scopes of this form (Permissions tab). */
  ApplicationDraft toScopesOf(Application app) {
    ApplicationDraft now = ApplicationDraft.of(app);
    return new ApplicationDraft(
        now.name(),
        now.primaryFormat(),
        now.summary(),
        now.redirectUrls(),
        now.type(),
        now.oauthUrl(),
        now.supportsCollaboration(),
        knownScopes(),
        now.adminTeamId(),
        now.collaborators());
  }

  /** Whether the checkbox is ticked, for the template. */
  public boolean isCollaborationOn() {
    return Boolean.TRUE.equals(collaboration());
  }

  private @Nullable Boolean collaboration() {
    String value = supportsCollaboration;
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "on" -> true;
      case "false", "off" -> false;
      default -> null;
    };
  }

  private Optional<ApplicationType> chosenType() {
    String value = type;
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String wanted = value.strip();
    return Arrays.stream(ApplicationType.values()).filter(t -> t.name().equals(wanted)).findFirst();
  }

  /** The chosen admin team, if the form holds a well-formed id. */
  Optional<UUID> chosenTeam() {
    String value = adminTeamId;
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Set<Scope> knownScopes() {
    Set<Scope> known = EnumSet.noneOf(Scope.class);
    scopes.stream().map(Scope::parse).flatMap(Optional::stream).forEach(known::add);
    return known;
  }

  /** One entry a line; blank lines are left out, so a trailing newline does not count. */
  private static List<String> lines(@Nullable String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name;
  }

  public @Nullable String getPrimaryFormat() {
    return primaryFormat;
  }

  public void setPrimaryFormat(@Nullable String primaryFormat) {
    this.primaryFormat = primaryFormat;
  }

  public @Nullable String getSummary() {
    return summary;
  }

  public void setSummary(@Nullable String summary) {
    this.summary = summary;
  }

  public @Nullable String getRedirectUrls() {
    return redirectUrls;
  }

  public void setRedirectUrls(@Nullable String redirectUrls) {
    this.redirectUrls = redirectUrls;
  }

  public @Nullable String getType() {
    return type;
  }

  public void setType(@Nullable String type) {
    this.type = type;
  }

  public @Nullable String getOauthUrl() {
    return oauthUrl;
  }

  public void setOauthUrl(@Nullable String oauthUrl) {
    this.oauthUrl = oauthUrl;
  }

  public @Nullable String getSupportsCollaboration() {
    return supportsCollaboration;
  }

  public void setSupportsCollaboration(@Nullable String supportsCollaboration) {
    this.supportsCollaboration = supportsCollaboration;
  }

  public @Nullable String getCollaborators() {
    return collaborators;
  }

  public void setCollaborators(@Nullable String collaborators) {
    this.collaborators = collaborators;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(@Nullable List<String> scopes) {
    this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
  }

  public @Nullable String getAdminTeamId() {
    return adminTeamId;
  }

  public void setAdminTeamId(@Nullable String adminTeamId) {
    this.adminTeamId = adminTeamId;
  }
}
