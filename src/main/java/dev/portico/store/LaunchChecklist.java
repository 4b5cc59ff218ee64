package dev.portico.store;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.RegistrationRules;
import dev.portico.store.internal.EntryRows;
import dev.portico.store.internal.ReviewRows;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An entry's launch checklist (STO-3): the automatic items, computed from the app and its entry at
 * every read (never stored), then the {@link ManualChecklistItem}s its managers tick. A redirect
 * URL counts as valid when it is {@code https://} (APP-2's rules); a Connected Desktop App may also
 * use APP-2's loopback {@code http://localhost:<port>} (a native app's redirect, RFC 8252); the
 * out-of-band URN never counts. Callers resolve the {@link Application} for one of its managers
 * first.
 */
@Service
@Transactional
public class LaunchChecklist {

  /** How many subscribers a private entry needs before it may ask for review. */
  public static final int BETA_TESTERS = 5;

  private final EntryRows entries;
  private final ReviewRows rows;
  private final StoreSubscriptions subscriptions;
  private final ApplicationManagement applications;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LaunchChecklist(
      EntryRows entries,
      ReviewRows rows,
      StoreSubscriptions subscriptions,
      ApplicationManagement applications,
      ApplicationEventPublisher events,
      Clock clock) {
    this.entries = entries;
    this.rows = rows;
    this.subscriptions = subscriptions;
    this.applications = applications;
    this.events = events;
    this.clock = clock;
  }

  /** Every item of the entry's checklist: the automatic ones first. */
  @Transactional(readOnly = true)
  public List<ChecklistItem> itemsOf(StoreEntry entry) {
    Application app =
        applications
            .application(entry.applicationId())
            .orElseThrow(() -> new NotFound("Application"));
    return itemsOf(app, entry);
  }

  /** The items not done yet. */
  public static List<ChecklistItem> missing(List<ChecklistItem> items) {
    return items.stream().filter(i -> !i.done()).toList();
  }

  /**
   * Ticks ({@code done}) or unticks a manual item of the app's entry, while it is private or
   * returned; an unknown item is an {@link InvalidInput} on {@code item}.
   */
  public List<ChecklistItem> tick(Actor actor, Application app, String key, boolean done) {
    ManualChecklistItem item =
        ManualChecklistItem.byKey(key)
            .orElseThrow(
                () -> InvalidInput.of("item", "is not a manual item of the launch checklist"));
    StoreEntry entry =
        entries.ofApplication(app.id()).orElseThrow(() -> new NotFound("Store entry"));
    entries.lock(entry.id());
    entry = entries.find(entry.id()).orElseThrow(() -> new NotFound("Store entry"));
    if (entry.state() != EntryState.PRIVATE && entry.state() != EntryState.RETURNED) {
      throw new Conflict(
          "The checklist of an entry that is "
              + entry.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " cannot change.");
    }
    boolean changed =
        done
            ? rows.tick(entry.id(), item.key(), actor.userId(), clock.instant())
            : rows.untick(entry.id(), item.key());
    if (changed) {
      events.publishEvent(
          new StoreEntryChanged(
              actor,
              app.ownerAccountId(),
              app.id(),
              entry.id(),
              entry.name(),
              "store-entry.checklist-ticked",
              Map.of(item.key(), done ? "not done → done" : "done → not done")));
    }
    return itemsOf(app, entry);
  }

  List<ChecklistItem> itemsOf(Application app, StoreEntry entry) {
    List<ChecklistItem> items = new ArrayList<>();
    String oauthUrl = app.oauthUrl();
    items.add(
        automatic(
            "oauth-url",
            "OAuth URL set",
            oauthUrl != null && !oauthUrl.isBlank(),
            "Set the app's OAuth URL on its Details tab."));
    items.add(
        automatic(
            "redirect-urls",
            "Redirect URLs valid https",
            !app.redirectUrls().isEmpty()
                && app.redirectUrls().stream().allMatch(u -> launchable(app.type(), u)),
            app.type() == ApplicationType.CONNECTED_DESKTOP
                ? "Give the app at least one redirect URL, each https:// or"
                    + " http://localhost:<port>, on its Details tab."
                : "Give the app at least one redirect URL, each https://, on its Details tab."));
    items.add(
        automatic(
            "type-matches",
            "Entry type matches the app's",
            entry.type() == app.type(),
            "Set the entry's type to the app's: " + app.type().label() + "."));
    items.add(
        automatic(
            "support",
            "Support URL and support email set",
            entry.supportUrl() != null && entry.supportEmail() != null,
            "Fill in the entry's Support URL and Support email."));
    String description = entry.description();
    items.add(
        automatic(
            "description-images",
            "Description and at least one image",
            description != null && !description.isBlank() && entry.imageCount() > 0,
            "Write the entry's description and add at least one image."));
    long testers = subscriptions.count(entry.id());
    items.add(
        automatic(
            "beta-testers",
            "At least " + BETA_TESTERS + " beta testers subscribed",
            testers >= BETA_TESTERS,
            testers
                + " of "
                + BETA_TESTERS
                + " subscribed so far: ask users who see the entry to subscribe."));
    Set<String> ticked = rows.ticks(entry.id());
    for (ManualChecklistItem m : ManualChecklistItem.values()) {
      items.add(new ChecklistItem(m.key(), m.label(), false, ticked.contains(m.key()), m.hint()));
    }
    return List.copyOf(items);
  }

  private static boolean launchable(ApplicationType type, String url) {
    if (RegistrationRules.webUrlProblem(url) != null) {
      return false;
    }
    String scheme = url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
    return scheme.equals("https")
        || (type == ApplicationType.CONNECTED_DESKTOP && scheme.equals("http"));
  }

  private static ChecklistItem automatic(String key, String label, boolean done, String hint) {
    return new ChecklistItem(key, label, true, done, hint);
  }
}
