package dev.portico.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.system.DeveloperFacts.Contribution;
import dev.portico.system.DeveloperFacts.Count;
import dev.portico.system.DeveloperFacts.Progress;
import dev.portico.system.DeveloperFacts.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the Developer page merges what the modules tell it (DEV-1). */
class DeveloperFactsTests {

  @Test
  void countsOfSeveralModulesAddUp() {
    Contribution merged =
        DeveloperFacts.merge(
            List.of(
                Contribution.none().withCount(Count.API_KEYS, 2),
                Contribution.none().withCount(Count.API_KEYS, 3),
                Contribution.none().withCount(Count.OAUTH_APPLICATIONS, 7)));

    assertThat(merged.count(Count.API_KEYS)).isEqualTo(5);
    assertThat(merged.count(Count.OAUTH_APPLICATIONS)).isEqualTo(7);
  }

  @Test
  void aStepIsAsFarAsTheFurthestAnswerWhateverTheOrder() {
    Contribution placeholder =
        Contribution.none().withStep(Step.ASSIGN_USERS, Progress.COMING_SOON, "later");
    Contribution sharing =
        Contribution.none().withStep(Step.ASSIGN_USERS, Progress.DONE, "shared with 3 users");
    Contribution open = Contribution.none().withStep(Step.ASSIGN_USERS, Progress.OPEN, "share");

    for (List<Contribution> order :
        List.of(
            List.of(placeholder, sharing, open),
            List.of(sharing, open, placeholder),
            List.of(open, placeholder, sharing))) {
      assertThat(DeveloperFacts.merge(order).steps().get(Step.ASSIGN_USERS))
          .isEqualTo(new DeveloperFacts.StepState(Progress.DONE, "shared with 3 users"));
    }
    assertThat(DeveloperFacts.merge(List.of(placeholder, open)).steps().get(Step.ASSIGN_USERS))
        .isEqualTo(new DeveloperFacts.StepState(Progress.OPEN, "share"));
  }

  @Test
  void whatNobodyAnswersIsAbsentAndCountsZero() {
    Contribution merged =
        DeveloperFacts.merge(
            List.of(Contribution.none().withStep(Step.REGISTER_APP, Progress.OPEN, "register")));

    assertThat(merged.steps()).containsOnlyKeys(Step.REGISTER_APP);
    assertThat(merged.count(Count.API_KEYS)).isZero();
  }
}
