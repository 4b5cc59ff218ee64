package dev.portico.store;

import dev.portico.accounts.GroupDraft;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.system.Actor;
import dev.portico.system.ChangeFeed;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Store entries for tests: a company app with an entry, and teams to see it. */
@Component
public class StoreFixtures {

  private final ConsoleAppFixtures apps;
  private final StoreEntries entries;
  private final GroupManagement groups;
  private final JdbcClient sql;
  private final ChangeFeed feed;

  StoreFixtures(
      ConsoleAppFixtures apps,
      StoreEntries entries,
      GroupManagement groups,
      JdbcClient sql,
      ChangeFeed feed) {
    this.apps = apps;
    this.entries = entries;
    this.groups = groups;
    this.sql = sql;
    this.feed = feed;
  }

  /**
   * Puts the entry in this state as the review workflow would (STO-3): the row, and the change
   * feed's {@code "store"} topic with the app's id.
   */
  public void setState(StoreEntry entry, EntryState state) {
    sql.sql("update sto_entry set state = :state where id = :id")
        .param("state", state.name())
        .param("id", entry.id())
        .update();
    feed.record("store", entry.applicationId().toString());
  }

  public static Actor actor(User user) {
    return new Actor(user.id(), user.email(), user.operator(), "127.0.0.1");
  }

  public Application app(User admin, UUID owner) {
    return apps.register(admin, owner, "Store app " + UUID.randomUUID().toString().substring(0, 8));
  }

  public StoreEntry entry(User admin, Application app, String visibility, Set<UUID> teams) {
    StoreEntryDraft d = StoreEntryRulesTests.valid();
    return entries.create(
        actor(admin),
        app,
        new StoreEntryDraft(
            app.name(),
            "Parts lists",
            app.type().name(),
            "CAM",
            visibility,
            teams,
            d.description(),
            d.supportUrl(),
            d.supportEmail(),
            d.vendor(),
            d.version()),
        List.of());
  }

  public UUID team(User admin, UUID company, Set<UUID> members) {
    return groups
        .create(
            actor(admin),
            GroupKind.TEAM,
            company,
            new GroupDraft(
                "Team " + UUID.randomUUID().toString().substring(0, 8), members, Set.of()))
        .id();
  }
}
