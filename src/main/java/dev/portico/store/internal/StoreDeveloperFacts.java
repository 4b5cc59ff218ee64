package dev.portico.store.internal;

import dev.portico.system.DeveloperFacts;
import org.springframework.stereotype.Component;

/** Ticks the Developer page's "Create an app store entry" step once the account has an entry. */
@Component
class StoreDeveloperFacts implements DeveloperFacts {

  private final EntryRows rows;

  StoreDeveloperFacts(EntryRows rows) {
    this.rows = rows;
  }

  @Override
  public Contribution about(DeveloperAccount account) {
    boolean any = rows.ownerHasAny(account.id());
    return Contribution.none()
        .withStep(
            Step.CREATE_STORE_ENTRY,
            any ? Progress.DONE : Progress.OPEN,
            any
                ? "The account has a store entry."
                : "Open an app's Details tab and choose Create store entry.");
  }
}
