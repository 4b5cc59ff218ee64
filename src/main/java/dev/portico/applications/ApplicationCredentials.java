package dev.portico.applications;

import dev.portico.applications.internal.Applications;
import dev.portico.applications.internal.ClientSecrets;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's client secret after registration (APP-3): regeneration, with an optional overlap
 * during which the previous secret keeps working, and its early end. Verification is {@link
 * ApplicationDirectory}'s. Only {@link IssuedApplication} ever holds a secret.
 */
@Service
@Transactional
public class ApplicationCredentials {

  private final Applications applications;
  private final ClientSecrets secrets;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ApplicationCredentials(
      Applications applications,
      ClientSecrets secrets,
      ApplicationEventPublisher events,
      Clock clock) {
    this.applications = applications;
    this.secrets = secrets;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A new client secret, shown once (APP-3). With an overlap the previous secret keeps working for
   * that long; without one it stops at once. Tokens already issued stay valid.
   */
  public IssuedApplication regenerateSecret(
      Actor actor, Application current, SecretOverlap overlap) {
    Application locked = lock(current);
    var stored = applications.findStored(locked.id()).orElseThrow();
    Instant now = clock.instant();
    String secret = secrets.newSecret();
    boolean keep = overlap != SecretOverlap.NONE;
    Instant until = keep ? now.plus(overlap.duration()) : null;
    applications.replaceSecret(
        locked.id(), ClientSecrets.hash(secret), now, keep ? stored.secretHash() : null, until);
    events.publishEvent(
        new ApplicationSecretRegenerated(
            actor,
            locked.ownerAccountId(),
            locked.id(),
            locked.name(),
            locked.clientId(),
            now,
            Map.of("overlap", overlap.label())));
    Application changed = applications.find(locked.id()).orElseThrow();
    return new IssuedApplication(changed, secret);
  }

  /** Ends a regenerate overlap now: the previous secret stops working (APP-3). */
  public Application revokePreviousSecret(Actor actor, Application current) {
    Application locked = lock(current);
    if (!applications.revokePreviousSecret(locked.id())) {
      throw new Conflict("There is no previous secret: it already stopped working.");
    }
    events.publishEvent(
        new ApplicationPreviousSecretRevoked(
            actor,
            locked.ownerAccountId(),
            locked.id(),
            locked.name(),
            locked.clientId(),
            Map.of()));
    return applications.find(locked.id()).orElseThrow();
  }

  private Application lock(Application app) {
    return applications.lock(app.id()).orElseThrow(() -> new NotFound("Application"));
  }
}
