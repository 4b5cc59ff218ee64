package dev.portico.applications.web;

import dev.portico.applications.AssignmentKind;
import dev.portico.applications.AssignmentSelection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * The "Add users or teams" form of the sharing panel: what the admin typed in the search box and
 * the users, teams and aliases they ticked, kept as text so that a forged id is a field error, not
 * a binding failure.
 */
class SharingForm {

  private String q = "";
  private List<String> userIds = new ArrayList<>();
  private List<String> teamIds = new ArrayList<>();
  private List<String> aliasIds = new ArrayList<>();

  public String getQ() {
    return q;
  }

  public void setQ(@Nullable String q) {
    this.q = q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
  }

  public List<String> getUserIds() {
    return userIds;
  }

  public void setUserIds(@Nullable List<String> userIds) {
    this.userIds = userIds == null ? new ArrayList<>() : new ArrayList<>(userIds);
  }

  public List<String> getTeamIds() {
    return teamIds;
  }

  public void setTeamIds(@Nullable List<String> teamIds) {
    this.teamIds = teamIds == null ? new ArrayList<>() : new ArrayList<>(teamIds);
  }

  public List<String> getAliasIds() {
    return aliasIds;
  }

  public void setAliasIds(@Nullable List<String> aliasIds) {
    this.aliasIds = aliasIds == null ? new ArrayList<>() : new ArrayList<>(aliasIds);
  }

  /** Whether the id is ticked, for the checkboxes the panel draws. */
  boolean ticked(AssignmentKind kind, UUID id) {
    return raw(kind).contains(id.toString());
  }

  /** The ticked ids that parse, for redrawing the picker; forged ones are dropped. */
  AssignmentSelection parsedQuietly() {
    return new AssignmentSelection(
        ids(userIds, null, ""), ids(teamIds, null, ""), ids(aliasIds, null, ""));
  }

  /** The ticked ids; an id that does not parse is rejected at its field. */
  AssignmentSelection selection(BindingResult result) {
    return new AssignmentSelection(
        ids(userIds, result, "userIds"),
        ids(teamIds, result, "teamIds"),
        ids(aliasIds, result, "aliasIds"));
  }

  private List<String> raw(AssignmentKind kind) {
    return switch (kind) {
      case USER -> userIds;
      case TEAM -> teamIds;
      case ALIAS -> aliasIds;
    };
  }

  private static Set<UUID> ids(List<String> raw, @Nullable BindingResult result, String field) {
    Set<UUID> ids = new LinkedHashSet<>();
    for (String text : raw) {
      if (text == null || text.isBlank()) {
        continue;
      }
      try {
        ids.add(UUID.fromString(text.strip()));
      } catch (IllegalArgumentException e) {
        if (result != null && !result.hasFieldErrors(field)) {
          result.rejectValue(field, "invalid", "holds an id that is not valid");
        }
      }
    }
    return ids;
  }
}
