package dev.portico.accounts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to the console (TEN-2). Every user has a personal account and belongs to at
 * most one company-type account, with a role there. Changes are made with the withers below, which
 * keep the rest of the user as it is.
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

  /** A new, active user with a personal account, in no company yet. */
  public static User create(
      String email,
      String name,
      License license,
      boolean operator,
      UUID personalAccountId,
      Instant now) {
    return new User(
        UUID.randomUUID(),
        email.strip(),
        name.strip(),
        license,
        UserState.ACTIVE,
        operator,
        personalAccountId,
        null,
        null,
        now);
  }

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

  /** Whether this user is a member (any role) of the given company account. */
  public boolean isMemberOf(UUID accountId) {
    return accountId.equals(companyId);
  }

  /** This user as a member of the company, with the given role and license (TEN-6). */
  public User joining(UUID company, Role newRole, License newLicense) {
    if (operator) {
      throw new IllegalStateException("the operator never joins a company");
    }
    return new User(
        id, email, name, newLicense, state, false, personalAccountId, company, newRole, createdAt);
  }

  /** This user after leaving their company; they keep their personal account. */
  public User leavingCompany() {
    return new User(
        id, email, name, license, state, operator, personalAccountId, null, null, createdAt);
  }

  /** This user with the changes applied; absent fields keep their value. */
  public User with(UserChanges changes) {
    return new User(
        id,
        email,
        name,
        changes.license() != null ? changes.license() : license,
        changes.state() != null ? changes.state() : state,
        operator,
        personalAccountId,
        companyId,
        changes.role() != null ? changes.role() : role,
        createdAt);
  }

  public User withName(String newName) {
    return new User(
        id,
        email,
        newName,
        license,
        state,
        operator,
        personalAccountId,
        companyId,
        role,
        createdAt);
  }

  /** The account this user's own changes are recorded under: their company, else their own. */
  public UUID homeAccountId() {
    return companyId != null ? companyId : personalAccountId;
  }
}
