package dev.portico.extensions.internal;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.extensions.VisibleApplication;
import dev.portico.extensions.VisibleApplications;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The apps assigned to the user (SHR-3: directly, through a team or an alias) — assigned users see
 * an app's extensions without subscribing in the store. Light users get none: assignments refuse
 * them. Read fresh on every call ({@link ApplicationAssignments#usableBy}).
 */
@Component
class AssignedApplications implements VisibleApplications {

  private final ApplicationAssignments assignments;

  AssignedApplications(ApplicationAssignments assignments) {
    this.assignments = assignments;
  }

  @Override
  public List<VisibleApplication> of(User user) {
    return assignments.usableBy(user).stream()
        .map(app -> new VisibleApplication(app.id(), app.name(), app.clientId()))
        .toList();
  }
}
