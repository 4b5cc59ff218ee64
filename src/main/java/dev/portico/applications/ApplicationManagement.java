package dev.portico.applications;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.applications.internal.ApplicationLists;
import dev.portico.applications.internal.Applications;
import dev.portico.applications.internal.ClientSecrets;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.InputValidator;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, changes and deletes OAuth applications (APP-1, APP-2, APP-4, APP-5); secrets are
 * {@link ApplicationCredentials}', Platform and External OAuth {@link ApplicationOAuthSettings}'.
 * Who may do what is {@link ApplicationAccess}'s; callers pass an application they were allowed to
 * act on. Every change publishes an event in its transaction (the audit trail records it, other
 * modules react), and no event, log line or answer other than {@link IssuedApplication} ever holds
 * a secret.
 */
@Service
@Transactional
public class ApplicationManagement {

  private final Applications applications;
  private final ApplicationLists lists;
  private final ClientSecrets secrets;
  private final AccountManagement accounts;
  private final AccountAccess access;
  private final GroupManagement groups;
  private final InputValidator validator;
  private final ApplicationsSettings settings;
  private final List<ApplicationDeletionCheck> deletionChecks;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ApplicationManagement(
      Applications applications,
      ApplicationLists lists,
      ClientSecrets secrets,
      AccountManagement accounts,
      AccountAccess access,
      GroupManagement groups,
      InputValidator validator,
      ApplicationsSettings settings,
      List<ApplicationDeletionCheck> deletionChecks,
      ApplicationEventPublisher events,
      Clock clock) {
    this.applications = applications;
    this.lists = lists;
    this.secrets = secrets;
    this.accounts = accounts;
    this.access = access;
    this.groups = groups;
    this.validator = validator;
    this.settings = settings;
    this.deletionChecks = List.copyOf(deletionChecks);
    this.events = events;
    this.clock = clock;
  }

  /**
   * The account whose applications the console user may register and list: their own personal
   * account, or a company they administer (any company, for the operator). Light users own none.
   * Anything else is {@link NotFound}.
   */
  @Transactional(readOnly = true)
  public Account requireOwner(User me, UUID accountId) {
    if (me.isLight()) {
      // DEV-1: light users have no developer settings, so they register no apps (SHR-2 spirit)
      throw new NotFound("Account");
    }
    if (accountId.equals(me.personalAccountId())) {
      return accounts.account(accountId).orElseThrow(() -> new NotFound("Account"));
    }
    return access.requireCompanyAdmin(me.id(), accountId);
  }

  /**
   * Registers an application owned by the account; the answer holds the client secret, shown once
   * (APP-3). The primary format is unique platform-wide, also when two registrations race: the
   * loser gets the field error.
   */
  public IssuedApplication register(Actor actor, UUID ownerAccountId, ApplicationDraft draft) {
    Account owner = accounts.lock(ownerAccountId);
    List<FieldViolation> violations = violations(owner, draft);
    if (violations.isEmpty() && applications.primaryFormatExists(draft.primaryFormat())) {
      violations.add(takenFormat());
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    Instant now = clock.instant();
    String secret = secrets.newSecret();
    Application app =
        new Application(
            UUID.randomUUID(),
            owner.id(),
            draft.name(),
            draft.primaryFormat(),
            draft.summary(),
            draft.redirectUrls(),
            draft.requiredType(),
            draft.oauthUrl(),
            draft.supportsCollaboration(),
            draft.scopes(),
            draft.adminTeamId(),
            draft.collaborators(),
            secrets.newClientId(),
            now,
            null,
            0,
            new PlatformOAuth(settings.accessTokenLifetime(), null, false),
            now,
            actor.userId(),
            now);
    try {
      applications.insert(app, ClientSecrets.hash(secret));
    } catch (DuplicateKeyException e) {
      // a concurrent registration of another account took the format between check and insert
      throw new InvalidInput(List.of(takenFormat()));
    }
    events.publishEvent(
        new ApplicationRegistered(
            actor, owner.id(), app.id(), app.name(), app.clientId(), ApplicationDiff.of(app)));
    return new IssuedApplication(app, secret);
  }

  /**
   * Changes the app's definition (Settings and Permissions tabs). The primary format cannot change.
   * Widening the scopes raises the consent epoch: existing grants ask again (APP-4).
   */
  public Application update(Actor actor, Application current, ApplicationDraft draft) {
    return update(actor, current, ApplicationRole.MANAGER, draft);
  }

  /**
   * {@link #update(Actor, Application, ApplicationDraft)} by a user with this role: an editor
   * changes the definition but not who may edit it (collaboration, collaborators, admin team).
   */
  public Application update(
      Actor actor, Application current, ApplicationRole role, ApplicationDraft draft) {
    Application locked = lock(current.id());
    Account owner = accounts.account(locked.ownerAccountId()).orElseThrow();
    List<FieldViolation> violations = violations(owner, draft);
    if (!role.manages()) {
      violations.addAll(RegistrationRules.editorLimits(locked, draft));
    }
    if (!draft.primaryFormat().equals(locked.primaryFormat())) {
      violations.add(
          new FieldViolation("primaryFormat", "cannot be changed after the app is registered"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    boolean widened = !locked.scopes().containsAll(draft.scopes());
    Application changed =
        new Application(
            locked.id(),
            locked.ownerAccountId(),
            draft.name(),
            locked.primaryFormat(),
            draft.summary(),
            draft.redirectUrls(),
            draft.requiredType(),
            draft.oauthUrl(),
            draft.supportsCollaboration(),
            draft.scopes(),
            draft.adminTeamId(),
            draft.supportsCollaboration() ? draft.collaborators() : List.of(),
            locked.clientId(),
            locked.secretCreatedAt(),
            locked.previousSecret(),
            widened ? locked.consentEpoch() + 1 : locked.consentEpoch(),
            locked.platformOAuth(),
            locked.createdAt(),
            locked.createdBy(),
            clock.instant());
    Map<String, String> diff = ApplicationDiff.between(locked, changed);
    if (diff.isEmpty()) {
      return locked;
    }
    applications.update(changed);
    publishUpdated(actor, changed, widened, diff);
    return changed;
  }

  /**
   * Why the application cannot be deleted now, if another module keeps it (APP-5: its store entry).
   */
  @Transactional(readOnly = true)
  public Optional<ApplicationDeletionCheck.Blocker> deletionBlocker(Application app) {
    return deletionChecks.stream().flatMap(c -> c.blocker(app).stream()).findFirst();
  }

  /**
   * Deletes the application irreversibly (APP-5): listeners of {@link ApplicationDeleted} revoke
   * its tokens and grants and drop its extensions and assignments; its past usage stays.
   */
  public void delete(Actor actor, Application current) {
    Application locked = lock(current.id());
    deletionBlocker(locked)
        .ifPresent(
            b -> {
              throw new Conflict(b.message());
            });
    events.publishEvent(
        new ApplicationDeleted(
            actor,
            locked.ownerAccountId(),
            locked.id(),
            locked.name(),
            locked.clientId(),
            Map.of("primaryFormat", locked.primaryFormat())));
    applications.delete(locked);
  }

  @Transactional(readOnly = true)
  public Optional<Application> application(UUID applicationId) {
    return applications.find(applicationId);
  }

  /** The account's applications, sorted and paged in the database (APP-7). */
  @Transactional(readOnly = true)
  public ResultPage<ApplicationSummary> applications(
      UUID ownerAccountId, ApplicationOrder order, boolean ascending, ResultPage.Request page) {
    return lists.page(ownerAccountId, order, ascending, page);
  }

  @Transactional(readOnly = true)
  public long count(UUID ownerAccountId) {
    return lists.count(ownerAccountId);
  }

  /**
   * Applications of other owners the user may edit as a collaborator or admin-team member (at most
   * 200), for their My account → Developer page.
   */
  @Transactional(readOnly = true)
  public List<ApplicationSummary> editableBy(User me, List<UUID> teamIds) {
    return lists.editableBy(me.email(), teamIds);
  }

  private Application lock(UUID applicationId) {
    return applications.lock(applicationId).orElseThrow(() -> new NotFound("Application"));
  }

  private List<FieldViolation> violations(Account owner, ApplicationDraft draft) {
    List<FieldViolation> violations = new ArrayList<>(validator.violations(draft));
    violations.addAll(RegistrationRules.check(draft));
    UUID team = draft.adminTeamId();
    if (team != null) {
      if (!owner.isCompanyType()) {
        violations.add(
            new FieldViolation("adminTeamId", "only a company's apps have an admin team"));
      } else if (groups.names(GroupKind.TEAM, owner.id(), java.util.Set.of(team)).isEmpty()) {
        violations.add(new FieldViolation("adminTeamId", "choose a team of " + owner.name()));
      }
    }
    return violations;
  }

  private void publishUpdated(
      Actor actor, Application app, boolean widened, Map<String, String> diff) {
    events.publishEvent(
        new ApplicationUpdated(
            actor, app.ownerAccountId(), app.id(), app.name(), app.clientId(), widened, diff));
  }

  private static FieldViolation takenFormat() {
    return new FieldViolation(
        "primaryFormat", "is already registered by another application: choose another");
  }
}
