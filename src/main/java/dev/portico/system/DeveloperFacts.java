package dev.portico.system;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.Assert;

/**
 * What a feature module tells the Developer page (SPEC DEV-1) about one account: the counts shown
 * next to the page's links and how far the account is along the seed's two how-tos. The page lives
 * in {@code accounts} and may not import the modules that know these things ({@code applications},
 * {@code apikeys}, later {@code store} and {@code usage}), so each of them contributes a bean of
 * this type and the page asks every bean.
 *
 * <p>A module answers only what it knows. The answers are merged by {@link #merge}: counts add up,
 * and a step is as far as the furthest answer says ({@link Progress#DONE} over {@link
 * Progress#OPEN} over {@link Progress#COMING_SOON}), with that answer's hint; a step nobody answers
 * is coming soon. So a module that learns to tick a step (sharing ticks {@link Step#ASSIGN_USERS})
 * adds its own answer and wins over a placeholder, without editing anyone else's.
 *
 * <p>{@link #about} runs on every view of the page: answer from kept counts or an indexed {@code
 * exists}, never by counting rows.
 */
public interface DeveloperFacts {

  /** What this module knows about the account's developer state. */
  Contribution about(DeveloperAccount account);

  /** The merged answers of all modules: the page's counts and checklist. */
  static Contribution merge(Collection<Contribution> contributions) {
    Contribution merged = Contribution.none();
    for (Contribution c : contributions) {
      for (Map.Entry<Count, Long> count : c.counts().entrySet()) {
        merged = merged.withCount(count.getKey(), merged.count(count.getKey()) + count.getValue());
      }
      for (Map.Entry<Step, StepState> step : c.steps().entrySet()) {
        StepState current = merged.steps().get(step.getKey());
        if (current == null || step.getValue().progress().compareTo(current.progress()) > 0) {
          merged = merged.withStep(step.getKey(), step.getValue());
        }
      }
    }
    return merged;
  }

  /**
   * The account whose Developer page is shown.
   *
   * @param company whether it is a company-type account (Company settings) rather than a personal
   *     one (My account)
   */
  record DeveloperAccount(UUID id, boolean company) {}

  /** The counts next to the page's links. */
  enum Count {
    /** The account's OAuth applications (also the number of apps it can share). */
    OAUTH_APPLICATIONS,
    /** The account's API keys. */
    API_KEYS
  }

  /** The steps of the seed's two how-tos, in the seed's order. */
  enum Step {
    /** "To create an app that opens in the UI for internal use or testing": register the app, */
    REGISTER_APP,
    /** create an extension for the app, */
    CREATE_EXTENSION,
    /** assign users to the app. */
    ASSIGN_USERS,
    /** "To publish the app to the store": authenticate with OAuth2, */
    AUTHENTICATE_WITH_OAUTH2,
    /** create an app store entry, */
    CREATE_STORE_ENTRY,
    /** complete the Launch Checklist. */
    COMPLETE_LAUNCH_CHECKLIST
  }

  /** How far the account is with a step; later constants win when answers are merged. */
  enum Progress {
    /** The feature the step needs has not landed yet. */
    COMING_SOON,
    /** The account can do the step and has not yet. */
    OPEN,
    /** The account's state shows the step done. */
    DONE
  }

  /** A step's progress and one line saying why, or what to do next. */
  record StepState(Progress progress, String hint) {
    public StepState {
      Assert.notNull(progress, "progress cannot be null");
      Assert.notNull(hint, "hint cannot be null");
    }
  }

  /** One module's answer (or the merged answer): only the counts and steps it knows. */
  record Contribution(Map<Count, Long> counts, Map<Step, StepState> steps) {

    public Contribution {
      counts = Map.copyOf(counts);
      steps = Map.copyOf(steps);
    }

    public static Contribution none() {
      return new Contribution(Map.of(), Map.of());
    }

    public Contribution withCount(Count count, long value) {
      Map<Count, Long> changed = new EnumMap<>(Count.class);
      changed.putAll(counts);
      changed.put(count, value);
      return new Contribution(changed, steps);
    }

    public Contribution withStep(Step step, Progress progress, String hint) {
      return withStep(step, new StepState(progress, hint));
    }

    public Contribution withStep(Step step, StepState state) {
      Map<Step, StepState> changed = new EnumMap<>(Step.class);
      changed.putAll(steps);
      changed.put(step, state);
      return new Contribution(counts, changed);
    }

    /** The count, 0 when nobody answered it. */
    public long count(Count count) {
      return counts.getOrDefault(count, 0L);
    }
  }
}
