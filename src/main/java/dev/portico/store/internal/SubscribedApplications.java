package dev.portico.store.internal;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationManagement;
import dev.portico.extensions.VisibleApplication;
import dev.portico.extensions.VisibleApplications;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The apps of the entries the user subscribed to and may still see (STO-4, EXT-5): subscribers see
 * the app's extensions. Read fresh on every call (the user's subscriptions, each entry and its
 * visibility), so an unsubscribed user, or one who left the entry's visibility set, stops seeing
 * them at once on every node. Light users subscribe to nothing.
 */
@Component
class SubscribedApplications implements VisibleApplications {

  private final SubscriptionRows subscriptions;
  private final EntryRows entries;
  private final EntryVisibility visibility;
  private final ApplicationManagement applications;

  SubscribedApplications(
      SubscriptionRows subscriptions,
      EntryRows entries,
      EntryVisibility visibility,
      ApplicationManagement applications) {
    this.subscriptions = subscriptions;
    this.entries = entries;
    this.visibility = visibility;
    this.applications = applications;
  }

  @Override
  public List<VisibleApplication> of(User user) {
    if (user.isLight()) {
      return List.of();
    }
    return subscriptions.entriesOf(user.id()).stream()
        .map(entries::find)
        .flatMap(Optional::stream)
        .filter(entry -> visibility.sees(user, entry))
        .map(entry -> applications.application(entry.applicationId()))
        .flatMap(Optional::stream)
        .map(app -> new VisibleApplication(app.id(), app.name(), app.clientId()))
        .toList();
  }
}
