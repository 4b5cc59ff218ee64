package dev.portico.store.internal;

import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.ApplicationAccess;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationRole;
import dev.portico.store.EntryState;
import dev.portico.store.StoreEntry;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * THE rule of who sees a store entry (STO-2, STO-4), used by every page, search and endpoint:
 *
 * <ul>
 *   <li>the app's managers (owner's admins, the individual owner, the operator) always;
 *   <li>a {@code PUBLIC} entry: every active signed-in user, light users included (they may look,
 *       but not subscribe);
 *   <li>any other state (PRIVATE, IN_REVIEW, RETURNED): the active, full members of the owning
 *       company in the entry's team-visibility set (ALL_INTERNAL, or the listed teams); nobody
 *       else, not even a light member of a listed team.
 * </ul>
 */
@Component
public class EntryVisibility {

  private final GroupManagement groups;
  private final UserManagement users;
  private final ApplicationAccess access;
  private final ApplicationManagement applications;

  EntryVisibility(
      GroupManagement groups,
      UserManagement users,
      ApplicationAccess access,
      ApplicationManagement applications) {
    this.groups = groups;
    this.users = users;
    this.access = access;
    this.applications = applications;
  }

  /** Whether the user (re-read: active?) may view the entry. */
  public boolean sees(User me, StoreEntry entry) {
    if (manages(me, entry)) {
      return true;
    }
    User current = users.user(me.id()).filter(User::isActive).orElse(null);
    if (current == null) {
      return false;
    }
    if (entry.state() == EntryState.PUBLIC) {
      return true;
    }
    if (current.isLight() || !current.isMemberOf(entry.ownerAccountId())) {
      return false;
    }
    return switch (entry.teamVisibility()) {
      case NONE -> false;
      case ALL_INTERNAL -> true;
      case SPECIFIC ->
          groups
              .userIdsIn(entry.ownerAccountId(), entry.visibleTeamIds(), Set.of())
              .contains(current.id());
    };
  }

  /** Whether the user manages the entry's app (sees and edits the entry). */
  public boolean manages(User me, StoreEntry entry) {
    return applications
        .application(entry.applicationId())
        .flatMap(app -> access.roleOf(me, app))
        .filter(ApplicationRole::manages)
        .isPresent();
  }
}
