package dev.portico.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands changes to the {@link ChangeSubscriber}s, each only the topics it asked for. The
 * subscribers are looked up on first use (not at construction), so that a subscriber may itself
 * depend on {@link ChangeFeed}.
 */
@Component
class ChangeSubscribers {

  private static final Logger log = LoggerFactory.getLogger(ChangeSubscribers.class);

  private final ObjectProvider<ChangeSubscriber> provider;
  private volatile @Nullable List<ChangeSubscriber> subscribers;

  ChangeSubscribers(ObjectProvider<ChangeSubscriber> provider) {
    this.provider = provider;
  }

  /** Delivers these subjects by topic; a subscriber that throws does not stop the others. */
  void deliver(Map<String, Set<String>> byTopic) {
    if (byTopic.isEmpty()) {
      return;
    }
    for (ChangeSubscriber subscriber : subscribers()) {
      Map<String, Set<String>> mine = new HashMap<>();
      for (String topic : subscriber.topics()) {
        Set<String> subjects = byTopic.get(topic);
        if (subjects != null && !subjects.isEmpty()) {
          mine.put(topic, subjects);
        }
      }
      if (mine.isEmpty()) {
        continue;
      }
      try {
        subscriber.changed(new ChangedSubjects(mine));
      } catch (RuntimeException e) {
        log.error("{} failed on a change of {}", subscriber.getClass().getName(), mine.keySet(), e);
      }
    }
  }

  private List<ChangeSubscriber> subscribers() {
    List<ChangeSubscriber> found = subscribers;
    if (found == null) {
      found = provider.orderedStream().toList();
      subscribers = found;
    }
    return found;
  }
}
