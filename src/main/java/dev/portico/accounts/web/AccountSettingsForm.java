package dev.portico.accounts.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountChanges;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.Plan;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Operator → Accounts → an account: plan, allocation and stack domain. The form always shows the
 * whole current state, so an empty allocation override means "use the plan's figure".
 */
class AccountSettingsForm {

  private @Nullable Plan plan;
  private @Nullable String domain;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private @Nullable LocalDate allocationStart;

  private @Nullable Long allocationOverride;

  static AccountSettingsForm from(Account account) {
    AccountSettingsForm form = new AccountSettingsForm();
    form.setPlan(account.plan());
    form.setDomain(account.domain());
    form.setAllocationStart(account.allocationStart());
    form.setAllocationOverride(account.allocationOverride());
    return form;
  }

  /** The changes; only enterprises have a domain, so other accounts keep theirs (none). */
  AccountChanges toChanges(Account current) {
    String newDomain = current.type() == AccountType.ENTERPRISE ? Forms.text(domain) : null;
    return new AccountChanges(
        null, plan, newDomain, allocationStart, allocationOverride, allocationOverride == null);
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

  public @Nullable LocalDate getAllocationStart() {
    return allocationStart;
  }

  public void setAllocationStart(@Nullable LocalDate allocationStart) {
    this.allocationStart = allocationStart;
  }

  public @Nullable Long getAllocationOverride() {
    return allocationOverride;
  }

  public void setAllocationOverride(@Nullable Long allocationOverride) {
    this.allocationOverride = allocationOverride;
  }
}
