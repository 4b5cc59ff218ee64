package dev.portico.accounts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to the console (TEN-2). Every user has a personal account and belongs to at
 * most one company-type account, with a role there.
 */
public record User(
    UUID id,
    String email,
    String name,
    License license,
    UserState state,
    boolean operator,
    UUID personalAccountId,
    @Nullable UUID companyId,
    @Nullable Role role,
    Instant createdAt) {

  public boolean isActive() {
    return state == UserState.ACTIVE;
  }

  public boolean isLight() {
    return license == License.LIGHT;
  }

  /** Whether this user is an admin of the given company account. */
  public boolean isAdminOf(UUID accountId) {
    return accountId.equals(companyId) && role == Role.ADMIN;
  }
}
