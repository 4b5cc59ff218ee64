package dev.portico.applications;

import dev.portico.accounts.User;
import java.util.UUID;

/**
 * Another reason than an assignment (SHR-3) for which a member of the owning company may use a
 * company's application, asked by {@link ApplicationAssignments#mayUse} on a cache miss: today the
 * store's subscriptions (STO-4: a member who subscribed to an entry they may still see — a beta
 * tester of a private entry). The user is active, not light, and a member of the owning company.
 *
 * <p>An implementation whose answer changes records {@link #TOPIC} in the {@link
 * dev.portico.system.ChangeFeed} with the application's id, in the transaction of the change: every
 * node then drops its cached answers for that application.
 */
public interface ApplicationUseSource {

  /** The change feed topic of a changed answer; the subject is the application's id. */
  String TOPIC = "application-use";

  /** Whether this source lets the user use the application. */
  boolean allows(User user, UUID applicationId);
}
