package dev.portico.applications;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.applications.internal.ApplicationLists;
import dev.portico.applications.internal.Applications;
import dev.portico.applications.internal.ClientSecrets;
import dev.portico.applications.internal.StoredApplication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Applications by client id, for the modules that authenticate clients and resolve tokens (the
 * authorization server, the gateway). Reads go through a small cache that each node keeps for at
 * most {@code portico.applications.cache-expiry} (5 s): a change made on this node evicts at once,
 * one made on another node arrives within that bound. Client secrets are verified here, where their
 * hashes live, and never leave the module.
 */
@Component
public class ApplicationDirectory {

  private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private final Applications applications;
  private final ApplicationLists lists;
  private final Clock clock;
  private final Cache<String, Optional<StoredApplication>> byClientId;
  private final Map<UUID, Instant> previousUseRecorded = new ConcurrentHashMap<>();

  ApplicationDirectory(
      Applications applications,
      ApplicationLists lists,
      ApplicationsSettings settings,
      Clock clock) {
    this.applications = applications;
    this.lists = lists;
    this.clock = clock;
    this.byClientId =
        Caffeine.newBuilder().expireAfterWrite(settings.cacheExpiry()).maximumSize(100_000).build();
  }

  /** The application with this client id, if there is one. */
  public Optional<Application> byClientId(String clientId) {
    return stored(clientId).map(StoredApplication::application);
  }

  /**
   * The cards of those of the applications that exist, by id, read in one query and never cached (a
   * page of My account → Applications, OAU-5).
   */
  public Map<UUID, ApplicationCard> cards(Collection<UUID> applicationIds) {
    Map<UUID, ApplicationCard> cards = new HashMap<>();
    lists.cards(applicationIds).forEach(card -> cards.put(card.id(), card));
    return cards;
  }

  /**
   * The application, if the secret is its current client secret or, during a regenerate overlap,
   * its previous one (APP-3); each use of the previous secret updates its "last used". The same
   * work is done whether the client exists, which secret matches or none does, so timing says
   * nothing.
   */
  public Optional<Application> verifyClientSecret(String clientId, String secret) {
    Optional<StoredApplication> found = stored(clientId);
    String current = found.map(StoredApplication::secretHash).orElse(null);
    Instant now = clock.instant();
    String previous =
        found
            .filter(s -> s.previousExpiresAt() != null && now.isBefore(s.previousExpiresAt()))
            .map(StoredApplication::previousHash)
            .orElse(null);
    boolean currentMatches = ClientSecrets.matches(secret, current);
    boolean previousMatches = ClientSecrets.matches(secret, previous);
    if (found.isEmpty() || !(currentMatches || previousMatches)) {
      return Optional.empty();
    }
    Application app = found.get().application();
    if (!currentMatches) {
      recordPreviousUse(app.id(), now);
    }
    return Optional.of(app);
  }

  /** Forgets what this node cached about the client; the next read goes to the database. */
  public void evict(String clientId) {
    byClientId.invalidate(clientId);
  }

  @EventListener
  void on(ApplicationUpdated event) {
    evict(event.clientId());
  }

  @EventListener
  void on(ApplicationSecretRegenerated event) {
    evict(event.clientId());
  }

  @EventListener
  void on(ApplicationPreviousSecretRevoked event) {
    evict(event.clientId());
  }

  @EventListener
  void on(ApplicationDeleted event) {
    evict(event.clientId());
  }

  @EventListener
  void on(OwnershipTransferred event) {
    evict(event.clientId());
  }

  private Optional<StoredApplication> stored(String clientId) {
    if (clientId.isEmpty() || clientId.length() > 64) {
      return Optional.empty();
    }
    // Not byClientId.get(key, loader): that makes every other reader of the key wait for this
    // thread's query, and a reader holding a pooled connection (in a transaction) while it waits
    // can starve the loader of one: with enough of them, the pool deadlocks. Each reader loads for
    // itself instead (a few duplicate reads when an entry expires under load).
    Optional<StoredApplication> cached = byClientId.getIfPresent(clientId);
    if (cached != null) {
      return cached;
    }
    Optional<StoredApplication> loaded = applications.findStoredByClientId(clientId);
    byClientId.put(clientId, loaded);
    return loaded;
  }

  private void recordPreviousUse(UUID applicationId, Instant now) {
    Instant last = previousUseRecorded.get(applicationId);
    if (last != null && last.plus(LAST_USED_RESOLUTION).isAfter(now)) {
      return;
    }
    previousUseRecorded.put(applicationId, now);
    applications.markPreviousSecretUsed(applicationId, now);
  }
}
