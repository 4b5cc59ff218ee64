package dev.portico.usage;

import dev.portico.accounts.Plan;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plans' allocation figures (USE-1), {@code portico.usage.plans.<PLAN>.per-account}, {@code
 * .per-user}, {@code .per-full-user}. A figure not set keeps the SPEC's default ({@link
 * PlanFigures#defaults}), so {@code portico.usage.plans.ENTERPRISE.per-full-user=12000} changes
 * only that one. The operator's override of one account replaces all of them for that account.
 */
@ConfigurationProperties("portico.usage")
public record AllocationSettings(@Nullable Map<Plan, Figures> plans) {

  /** The figures of every plan, defaults filled in. */
  public Map<Plan, PlanFigures> figures() {
    Map<Plan, PlanFigures> all = new EnumMap<>(Plan.class);
    for (Plan plan : Plan.values()) {
      PlanFigures defaults = PlanFigures.defaults(plan);
      Figures set = plans == null ? null : plans.get(plan);
      all.put(plan, set == null ? defaults : set.over(defaults));
    }
    return Map.copyOf(all);
  }

  /** What the configuration sets for one plan; {@code null} keeps the default. */
  public record Figures(
      @Nullable Long perAccount, @Nullable Long perUser, @Nullable Long perFullUser) {

    PlanFigures over(PlanFigures defaults) {
      return new PlanFigures(
          perAccount != null ? perAccount : defaults.perAccount(),
          perUser != null ? perUser : defaults.perUser(),
          perFullUser != null ? perFullUser : defaults.perFullUser());
    }
  }
}
