package dev.portico.usage;

import dev.portico.accounts.Plan;
import org.springframework.util.Assert;

/**
 * A plan's annual allocation (USE-1): a figure per account, plus one per user and one per full user
 * (a member with a {@code FULL} license) of a company-type account. An individual account counts as
 * one user and one full user, its owner. The defaults are the SPEC's table; {@code
 * portico.usage.plans.<PLAN>.per-account|per-user|per-full-user} changes them.
 */
public record PlanFigures(long perAccount, long perUser, long perFullUser) {

  public PlanFigures {
    Assert.isTrue(perAccount >= 0 && perUser >= 0 && perFullUser >= 0, "figures must be >= 0");
  }

  /** The SPEC's figures of this plan. */
  public static PlanFigures defaults(Plan plan) {
    return switch (plan) {
      case ENTERPRISE -> new PlanFigures(0, 0, 10_000);
      case PROFESSIONAL -> new PlanFigures(0, 5_000, 0);
      case EDU_ENTERPRISE -> new PlanFigures(10_000, 0, 0);
      case STANDARD, FREE, EDU_STUDENT, EDU_EDUCATOR, PRO_DISCOVERY -> new PlanFigures(2_500, 0, 0);
    };
  }

  /** The allocation of a period with this many users and full users, none added during it. */
  public long of(long users, long fullUsers) {
    return Math.addExact(
        perAccount,
        Math.addExact(
            Math.multiplyExact(perUser, users), Math.multiplyExact(perFullUser, fullUsers)));
  }
}
