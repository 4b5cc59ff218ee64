package dev.portico.store.internal;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDeletionCheck;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** APP-5: an app with a store entry cannot be deleted until the entry is; the page links to it. */
@Component
class StoreDeletionCheck implements ApplicationDeletionCheck {

  private final EntryRows rows;

  StoreDeletionCheck(EntryRows rows) {
    this.rows = rows;
  }

  @Override
  public Optional<Blocker> blocker(Application application) {
    return rows.idOfApplication(application.id())
        .map(
            id ->
                new Blocker(
                    "The app has a store entry. Delete its store entry first.",
                    "/developer/oauth-applications/" + application.id() + "/store-entry"));
  }
}
