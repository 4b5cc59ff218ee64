package dev.portico.applications;

import dev.portico.accounts.Account;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a selection of users, teams and aliases must pass before {@link ApplicationSharing}
 * shares an application with it (SHR-1, SHR-2): members, teams and aliases of the owning company
 * only, no light user named, at most {@link AssignmentSelection#MAX_PER_KIND} of each kind; and how
 * a target is named.
 */
final class SharingChecks {

  static final String LIGHT_USERS = "Light users cannot be added to applications";

  private static final int USER_BATCH = 1000;

  private final UserManagement users;
  private final GroupManagement groups;

  SharingChecks(UserManagement users, GroupManagement groups) {
    this.users = users;
    this.groups = groups;
  }

  List<User> checkUsers(Account company, Set<UUID> ids, List<FieldViolation> violations) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<User> members =
        users.users(ids).stream()
            .filter(u -> u.isMemberOf(company.id()))
            .sorted(Comparator.comparing(User::name).thenComparing(User::id))
            .toList();
    if (members.size() != ids.size()) {
      violations.add(
          new FieldViolation("userIds", "holds a user who is not a member of " + company.name()));
      return List.of();
    }
    List<String> light = members.stream().filter(User::isLight).map(User::name).toList();
    if (!light.isEmpty()) {
      violations.add(
          new FieldViolation("userIds", LIGHT_USERS + " (" + String.join(", ", light) + ")."));
    }
    return members;
  }

  Map<UUID, String> checkGroups(
      GroupKind kind, Account company, Set<UUID> ids, List<FieldViolation> violations) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, String> named = groups.names(kind, company.id(), ids);
    if (named.size() != ids.size()) {
      violations.add(
          new FieldViolation(
              kind == GroupKind.TEAM ? "teamIds" : "aliasIds",
              "holds a " + kind.noun() + " that is not in " + company.name()));
    }
    return named;
  }

  static void checkSize(AssignmentSelection selection) {
    List<FieldViolation> violations = new ArrayList<>();
    for (AssignmentKind kind : AssignmentKind.values()) {
      if (selection.ids(kind).size() > AssignmentSelection.MAX_PER_KIND) {
        violations.add(
            new FieldViolation(
                kind.noun() + "Ids",
                "may name at most " + AssignmentSelection.MAX_PER_KIND + " at a time"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
  }

  Set<UUID> lightAmong(Set<UUID> userIds) {
    Set<UUID> light = new HashSet<>();
    List<UUID> all = List.copyOf(userIds);
    // in batches: a team of fifty thousand is more ids than one statement may bind
    for (int from = 0; from < all.size(); from += USER_BATCH) {
      users.users(all.subList(from, Math.min(all.size(), from + USER_BATCH))).stream()
          .filter(User::isLight)
          .forEach(u -> light.add(u.id()));
    }
    return light;
  }

  /** How a target is named in events and the audit: a user by email, a group by name. */
  String targetName(Account company, AssignmentKind kind, UUID targetId) {
    if (kind == AssignmentKind.USER) {
      return users.user(targetId).map(User::email).orElse(targetId.toString());
    }
    return Optional.ofNullable(
            groups.names(kind.groupKind(), company.id(), Set.of(targetId)).get(targetId))
        .orElse(targetId.toString());
  }
}
