package dev.portico.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.portico.accounts.Plan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** USE-1's table as defaults, and configuration that changes only what it names. */
class PlanFiguresTests {

  final Map<Plan, PlanFigures> defaults = new AllocationSettings(null).figures();

  @Test
  void enterpriseIsTenThousandPerFullUser() {
    assertThat(defaults.get(Plan.ENTERPRISE).of(7, 3)).isEqualTo(30_000);
  }

  @Test
  void professionalIsFiveThousandPerUser() {
    assertThat(defaults.get(Plan.PROFESSIONAL).of(7, 3)).isEqualTo(35_000);
  }

  @Test
  void individualPlansAreTwentyFiveHundred() {
    for (Plan plan : new Plan[] {Plan.STANDARD, Plan.FREE, Plan.EDU_STUDENT}) {
      assertThat(defaults.get(plan).of(1, 1)).as(plan.name()).isEqualTo(2_500);
    }
  }

  @Test
  void eduEnterpriseIsTenThousandPerAccountWhateverItsUsers() {
    assertThat(defaults.get(Plan.EDU_ENTERPRISE).of(40, 12)).isEqualTo(10_000);
  }

  @Test
  void eduEducatorAndProDiscoveryAreTwentyFiveHundredPerAccount() {
    assertThat(defaults.get(Plan.EDU_EDUCATOR).of(30, 30)).isEqualTo(2_500);
    assertThat(defaults.get(Plan.PRO_DISCOVERY).of(30, 30)).isEqualTo(2_500);
  }

  @Test
  void configuredFigureReplacesOnlyWhatItNames() {
    AllocationSettings settings =
        new AllocationSettings(
            Map.of(
                Plan.ENTERPRISE,
                new AllocationSettings.Figures(1_000L, null, null),
                Plan.FREE,
                new AllocationSettings.Figures(100L, 0L, 0L)));
    Map<Plan, PlanFigures> figures = settings.figures();
    assertThat(figures.get(Plan.ENTERPRISE)).isEqualTo(new PlanFigures(1_000, 0, 10_000));
    assertThat(figures.get(Plan.ENTERPRISE).of(5, 2)).isEqualTo(21_000);
    assertThat(figures.get(Plan.FREE).of(1, 1)).isEqualTo(100);
    assertThat(figures.get(Plan.PROFESSIONAL)).isEqualTo(PlanFigures.defaults(Plan.PROFESSIONAL));
  }

  @Test
  void negativeFigureIsRefused() {
    AllocationSettings settings =
        new AllocationSettings(Map.of(Plan.FREE, new AllocationSettings.Figures(-1L, null, null)));
    assertThatIllegalArgumentException().isThrownBy(settings::figures);
  }
}
