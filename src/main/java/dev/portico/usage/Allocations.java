package dev.portico.usage;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.Plan;
import dev.portico.accounts.UserManagement;
import dev.portico.system.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Annual allocations (USE-1): the plan's figure (per account, per user or per full user), replaced
 * by the operator's override when one is set, over the period that runs a year from the account's
 * allocation start date.
 *
 * <p>SKELETON (issue 9): plan figures from configuration and pro-rated seat additions are the
 * allocations helper's.
 */
@Component
public class Allocations {

  private final AccountManagement accounts;
  private final UserManagement users;
  private final Clock clock;

  Allocations(AccountManagement accounts, UserManagement users, Clock clock) {
    this.accounts = accounts;
    this.users = users;
    this.clock = clock;
  }

  /** The account's allocation for the period that contains today. */
  public AccountAllocation current(UUID accountId) {
    Account account = accounts.account(accountId).orElseThrow(() -> new NotFound("Account"));
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    AllocationPeriod period = AllocationPeriod.containing(account.allocationStart(), today);
    Long override = account.allocationOverride();
    long allocation = override != null ? override : planFigure(account);
    return new AccountAllocation(accountId, period, allocation);
  }

  private long planFigure(Account account) {
    Plan plan = account.plan();
    long seats = account.isCompanyType() ? Math.max(1, users.countMembers(account.id())) : 1;
    return switch (plan) {
      case ENTERPRISE -> 10_000L * seats;
      case PROFESSIONAL -> 5_000L * seats;
      case EDU_ENTERPRISE -> 10_000L;
      case STANDARD, FREE, EDU_STUDENT, EDU_EDUCATOR, PRO_DISCOVERY -> 2_500L;
    };
  }
}
