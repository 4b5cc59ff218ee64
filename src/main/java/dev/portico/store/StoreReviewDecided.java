package dev.portico.store;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The operator approved or returned an app's store entry (STO-3), for the review outcome email
 * (NOT-1) to the admins of the app's owner; it carries all the email needs. Not audited itself:
 * {@link StoreEntryChanged} is.
 *
 * @param accountId the account that owns the app
 * @param comments the operator's comments on a return, {@code null} on an approval
 * @param decidedAt when: tells two decisions on one entry apart (one email each)
 */
public record StoreReviewDecided(
    UUID accountId,
    UUID applicationId,
    UUID entryId,
    String entryName,
    boolean approved,
    @Nullable String comments,
    Instant decidedAt) {

  /** The entry's page in the console. */
  public String entryPath() {
    return "/store/entries/" + entryId;
  }
}
