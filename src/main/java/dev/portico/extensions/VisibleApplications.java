package dev.portico.extensions;

import dev.portico.accounts.User;
import java.util.List;

/**
 * A source of the applications whose extensions a user sees (EXT-5). Today the only one is the
 * app's assignments (SHR-3: {@code internal.AssignedApplications}); the store's subscriptions (§10)
 * will be a second implementation. {@link ExtensionVisibility} unites every source.
 *
 * <p>An implementation answers from the database on every call (or from a cache that the {@link
 * dev.portico.system.ChangeFeed} invalidates), so that a user who loses an app stops seeing its
 * extensions within 5 s on every node.
 */
public interface VisibleApplications {

  /** The applications this source lets the user see; the user is active. */
  List<VisibleApplication> of(User user);
}
