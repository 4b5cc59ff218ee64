package dev.portico.system;

import java.util.Map;
import java.util.Set;

/**
 * What changed, as {@link ChangeFeed} topics and their subjects, handed to a {@link
 * ChangeSubscriber}: only the topics the subscriber asked for.
 */
public record ChangedSubjects(Map<String, Set<String>> byTopic) {

  public ChangedSubjects {
    byTopic = Map.copyOf(byTopic);
  }

  /** The subjects of this topic that changed; empty when none did. */
  public Set<String> of(String topic) {
    return byTopic.getOrDefault(topic, Set.of());
  }

  public boolean isEmpty() {
    return byTopic.isEmpty();
  }
}
