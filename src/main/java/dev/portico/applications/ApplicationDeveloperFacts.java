package dev.portico.applications;

import dev.portico.applications.internal.ApplicationLists;
import dev.portico.applications.internal.Assignments;
import dev.portico.system.DeveloperFacts;
import dev.portico.system.DeveloperFacts.Contribution;
import dev.portico.system.DeveloperFacts.Count;
import dev.portico.system.DeveloperFacts.Progress;
import dev.portico.system.DeveloperFacts.Step;
import dev.portico.system.DeveloperFacts.StepState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The applications module's answer on the Developer page (DEV-1): how many OAuth applications the
 * account owns, whether one is registered, and whether one authenticates with OAuth2 — for now "has
 * an OAuth URL", the URL the platform opens to start the app's OAuth2 flow, until the authorization
 * server can tell which apps really obtained a token.
 */
@Component
@Transactional(readOnly = true)
class ApplicationDeveloperFacts implements DeveloperFacts {

  private final ApplicationLists applications;
  private final Assignments assignments;

  ApplicationDeveloperFacts(ApplicationLists applications, Assignments assignments) {
    Assert.notNull(applications, "applications cannot be null");
    Assert.notNull(assignments, "assignments cannot be null");
    this.applications = applications;
    this.assignments = assignments;
  }

  @Override
  public Contribution about(DeveloperAccount account) {
    long count = applications.count(account.id());
    return Contribution.none()
        .withCount(Count.OAUTH_APPLICATIONS, count)
        .withStep(Step.REGISTER_APP, registered(count))
        .withStep(Step.ASSIGN_USERS, assigned(account, count))
        .withStep(Step.AUTHENTICATE_WITH_OAUTH2, oauth2(account, count));
  }

  private static StepState registered(long count) {
    return count > 0
        ? new StepState(
            Progress.DONE, count == 1 ? "1 app registered." : count + " apps registered.")
        : new StepState(
            Progress.OPEN, "Create new OAuth application in OAuth applications to get started.");
  }

  /**
   * A personal account's apps open for their owner, with nobody else to assign. A company's apps
   * are assigned by sharing (SHR-1): done once one is shared with someone besides its creator.
   */
  private StepState assigned(DeveloperAccount account, long count) {
    if (!account.company()) {
      return count > 0
          ? new StepState(Progress.DONE, "Your own apps open for you; there is nobody to assign.")
          : new StepState(Progress.OPEN, "Register an app first; it will open for you.");
    }
    if (count > 0 && assignments.anySharedBeyondCreator(account.id())) {
      return new StepState(Progress.DONE, "An app is shared with users, teams or aliases.");
    }
    return new StepState(
        Progress.OPEN,
        count > 0
            ? "Share an app with users, teams or aliases in Applications."
            : "Register an app first, then share it in Applications.");
  }

  private StepState oauth2(DeveloperAccount account, long count) {
    if (count > 0 && applications.anyWithOAuthUrl(account.id())) {
      return new StepState(
          Progress.DONE,
          "An app has an OAuth URL set. Until the authorization server lands, that is how this"
              + " step is judged.");
    }
    return new StepState(
        Progress.OPEN,
        "Set the OAuth URL of an app (its Settings tab): the page that starts the OAuth2 flow."
            + " Until the authorization server lands, an OAuth URL is how this step is judged.");
  }
}
