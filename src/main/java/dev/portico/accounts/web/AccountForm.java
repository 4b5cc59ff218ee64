package dev.portico.accounts.web;

import dev.portico.accounts.AccountType;
import dev.portico.accounts.License;
import dev.portico.accounts.NewAccount;
import dev.portico.accounts.NewUser;
import dev.portico.accounts.Plan;
import dev.portico.accounts.Role;
import org.jspecify.annotations.Nullable;

/**
 * Operator → Accounts → New account: the account and its first user (the first admin of a
 * company-type account, the owner of an individual one). The service names the user's fields {@code
 * admin.email} …; {@link Forms#reject} puts them on {@code adminEmail} ….
 */
class AccountForm {

  private @Nullable AccountType type = AccountType.COMPANY;
  private @Nullable String name;
  private @Nullable Plan plan;
  private @Nullable String domain;
  private @Nullable Long allocationOverride;
  private @Nullable String adminEmail;
  private @Nullable String adminName;
  private @Nullable String adminPassword;

  NewAccount toNewAccount() {
    return new NewAccount(
        type, Forms.text(name), plan, Forms.blankToNull(domain), null, allocationOverride);
  }

  /** The first user; an empty password is refused by validation, as a first admin must sign in. */
  NewUser toFirstUser() {
    return new NewUser(
        Forms.text(adminEmail),
        Forms.text(adminName),
        Role.ADMIN,
        License.FULL,
        Forms.text(adminPassword));
  }

  public @Nullable AccountType getType() {
    return type;
  }

  public void setType(@Nullable AccountType type) {
    this.type = type;
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name;
  }

  public @Nullable Plan getPlan() {
    return plan;
  }

  public void setPlan(@Nullable Plan plan) {
    this.plan = plan;
  }

  public @Nullable String getDomain() {
    return domain;
  }

  public void setDomain(@Nullable String domain) {
    this.domain = domain;
  }

  public @Nullable Long getAllocationOverride() {
    return allocationOverride;
  }

  public void setAllocationOverride(@Nullable Long allocationOverride) {
    this.allocationOverride = allocationOverride;
  }

  public @Nullable String getAdminEmail() {
    return adminEmail;
  }

  public void setAdminEmail(@Nullable String adminEmail) {
    this.adminEmail = adminEmail;
  }

  public @Nullable String getAdminName() {
    return adminName;
  }

  public void setAdminName(@Nullable String adminName) {
    this.adminName = adminName;
  }

  public @Nullable String getAdminPassword() {
    return adminPassword;
  }

  public void setAdminPassword(@Nullable String adminPassword) {
    this.adminPassword = adminPassword;
  }
}
