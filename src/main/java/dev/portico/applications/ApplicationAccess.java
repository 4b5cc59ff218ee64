package dev.portico.applications;

import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.internal.Applications;
import dev.portico.system.NotFound;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see and change an application (APP-1, APP-2). Managers: the active admins of the owning
 * company, the individual who owns it, and the operator (from a console session, or from an API
 * credential that carries operator powers, KEY-3). Editors: when collaboration is on, active,
 * non-light users whose email is among the collaborators; and the active, non-light members of the
 * admin team; both only while they belong to the owning company (company apps). Everyone else gets
 * {@link NotFound}, exactly as for an application that does not exist.
 */
@Component
@Transactional(readOnly = true)
public class ApplicationAccess {

  private final Applications applications;
  private final UserManagement users;
  private final GroupManagement groups;
  private final AccountManagement accounts;

  ApplicationAccess(
      Applications applications,
      UserManagement users,
      GroupManagement groups,
      AccountManagement accounts) {
    this.applications = applications;
    this.users = users;
    this.groups = groups;
    this.accounts = accounts;
  }

  /** The application, if the console user may manage it; otherwise {@link NotFound}. */
  public Application requireManager(User me, UUID applicationId) {
    AccessibleApplication found = require(me, me.operator(), applicationId);
    if (!found.role().manages()) {
      throw new NotFound("Application");
    }
    return found.application();
  }

  /** The application, if the console user may at least edit it; otherwise {@link NotFound}. */
  public AccessibleApplication require(User me, UUID applicationId) {
    return require(me, me.operator(), applicationId);
  }

  /** {@link #requireManager(User, UUID)} for an API caller: operator powers only from the key. */
  public Application requireManager(ApiCaller caller, UUID applicationId) {
    AccessibleApplication found = require(caller, applicationId);
    if (!found.role().manages()) {
      throw new NotFound("Application");
    }
    return found.application();
  }

  /** {@link #require(User, UUID)} for an API caller: operator powers only from the credential. */
  public AccessibleApplication require(ApiCaller caller, UUID applicationId) {
    User me = users.user(caller.userId()).orElseThrow(() -> new NotFound("Application"));
    return require(me, caller.operator() && me.operator(), applicationId);
  }

  /** What the user may do with the application, if anything. */
  public Optional<ApplicationRole> roleOf(User me, Application app) {
    return roleOf(me, me.operator(), app);
  }

  private AccessibleApplication require(User me, boolean operator, UUID applicationId) {
    Application app =
        applications.find(applicationId).orElseThrow(() -> new NotFound("Application"));
    ApplicationRole role = roleOf(me, operator, app).orElseThrow(() -> new NotFound("Application"));
    return new AccessibleApplication(app, role);
  }

  private Optional<ApplicationRole> roleOf(User me, boolean operator, Application app) {
    User current = users.user(me.id()).filter(User::isActive).orElse(null);
    if (current == null) {
      return Optional.empty();
    }
    UUID owner = app.ownerAccountId();
    if ((operator && current.operator())
        || owner.equals(current.personalAccountId())
        || current.isAdminOf(owner)) {
      return Optional.of(ApplicationRole.MANAGER);
    }
    if (current.isLight() || current.operator()) {
      return Optional.empty();
    }
    boolean personalApp = !current.isMemberOf(owner) && isPersonalOwner(owner);
    if (!personalApp && !current.isMemberOf(owner)) {
      return Optional.empty();
    }
    if (app.supportsCollaboration()
        && app.collaborators().contains(current.email().toLowerCase(Locale.ROOT))) {
      return Optional.of(ApplicationRole.EDITOR);
    }
    UUID team = app.adminTeamId();
    if (team != null && !personalApp && inTeam(owner, team, current.id())) {
      return Optional.of(ApplicationRole.EDITOR);
    }
    return Optional.empty();
  }

  private boolean isPersonalOwner(UUID accountId) {
    return accounts.account(accountId).filter(a -> !a.isCompanyType()).isPresent();
  }

  private boolean inTeam(UUID companyId, UUID teamId, UUID userId) {
    try {
      return groups.group(GroupKind.TEAM, companyId, teamId).memberIds().contains(userId);
    } catch (NotFound e) {
      return false;
    }
  }
}
