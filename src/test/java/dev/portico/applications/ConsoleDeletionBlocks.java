package dev.portico.applications;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Stands in for the store module's deletion check (APP-5) until it exists: a test marks an app as
 * kept by a store entry, and deletion must be refused. Apps no test marked are never blocked, so
 * the other tests sharing the context are not affected.
 */
@Component
public class ConsoleDeletionBlocks implements ApplicationDeletionCheck {

  private final Map<UUID, Blocker> blocked = new ConcurrentHashMap<>();

  /** Keeps the app from being deleted, with this message and link. */
  public void block(UUID applicationId, String message, String link) {
    blocked.put(applicationId, new Blocker(message, link));
  }

  @Override
  public Optional<Blocker> blocker(Application application) {
    return Optional.ofNullable(blocked.get(application.id()));
  }
}
