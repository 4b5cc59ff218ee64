package dev.portico.system;

import java.util.Set;

/**
 * A cache that drops what the {@link ChangeFeed} says changed. Each node hands every subscriber the
 * subjects of its topics that changed: right after the commit of a change made on this node, and on
 * the node's next two reads of the feed (once every {@code portico.system.change-poll-interval})
 * wherever the change was made.
 *
 * <p>Called on the feed's polling thread and on the thread that committed a change, so an
 * implementation must be safe to call concurrently. It should only drop entries (never load them:
 * the next lookup does), and it must not throw.
 */
public interface ChangeSubscriber {

  /** The topics this subscriber acts on, e.g. {@code "user"}. */
  Set<String> topics();

  /** These subjects of this subscriber's topics changed; never empty. */
  void changed(ChangedSubjects changes);
}
