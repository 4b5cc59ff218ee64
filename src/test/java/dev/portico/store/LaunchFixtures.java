package dev.portico.store;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.store.internal.ImagePolicyTests;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Entries on their way to the store (STO-3): an app whose automatic items can all be done, its
 * entry with an image, five beta testers, the manual items ticked, and an entry in review.
 */
@Component
public class LaunchFixtures {

  private final TestAccounts accounts;
  private final ConsoleAppFixtures apps;
  private final ApplicationManagement applications;
  private final StoreEntries entries;
  private final StoreSubscriptions subscriptions;
  private final LaunchChecklist checklist;
  private final StoreReview review;

  LaunchFixtures(
      TestAccounts accounts,
      ConsoleAppFixtures apps,
      ApplicationManagement applications,
      StoreEntries entries,
      StoreSubscriptions subscriptions,
      LaunchChecklist checklist,
      StoreReview review) {
    this.accounts = accounts;
    this.apps = apps;
    this.applications = applications;
    this.entries = entries;
    this.subscriptions = subscriptions;
    this.checklist = checklist;
    this.review = review;
  }

  /** An app with an https OAuth URL and redirect URL. */
  public Application app(User admin, UUID owner) {
    String name = "Launch app " + UUID.randomUUID().toString().substring(0, 8);
    return apps.register(
        admin,
        owner,
        new ApplicationDraft(
            name,
            ConsoleAppFixtures.uniqueFormat(),
            "Shows " + name + " to its users.",
            List.of("https://app.example.com/callback"),
            ApplicationType.INTEGRATED_CLOUD,
            "https://app.example.com/start",
            false,
            Set.of(Scope.OAuth2Read),
            null,
            List.of()));
  }

  /**
   * The app's entry, visible to every full member, with a description, support links, one image.
   */
  public StoreEntry entry(User admin, Application app) {
    StoreEntryDraft d = StoreEntryRulesTests.valid();
    return entries.create(
        StoreFixtures.actor(admin),
        app,
        new StoreEntryDraft(
            app.name(),
            "Parts lists",
            app.type().name(),
            "CAM",
            "ALL_INTERNAL",
            Set.of(),
            d.description(),
            d.supportUrl(),
            d.supportEmail(),
            d.vendor(),
            d.version()),
        List.of(image()));
  }

  /** Five full members of the company subscribe to the entry. */
  public void betaTesters(Company company, StoreEntry entry, int n) {
    for (int i = 0; i < n; i++) {
      User tester = accounts.member(company, Role.MEMBER, License.FULL);
      subscriptions.subscribe(tester, entry.id());
    }
  }

  /** Every manual item ticked by this manager. */
  public void tickAll(User manager, Application app) {
    for (ManualChecklistItem item : ManualChecklistItem.values()) {
      checklist.tick(StoreFixtures.actor(manager), app, item.key(), true);
    }
  }

  /** A company's app with an entry whose checklist is complete (still private). */
  public Launch ready(Company company) {
    Application app = app(company.admin(), company.id());
    StoreEntry entry = entry(company.admin(), app);
    betaTesters(company, entry, LaunchChecklist.BETA_TESTERS);
    tickAll(company.admin(), app);
    return new Launch(company, app, entry);
  }

  /** A company's app with an entry in review. */
  public Launch inReview(Company company) {
    Launch launch = ready(company);
    StoreEntry entry =
        review.requestPublication(StoreFixtures.actor(company.admin()), launch.app());
    return new Launch(company, launch.app(), entry);
  }

  public Application reload(Application app) {
    return applications.application(app.id()).orElseThrow();
  }

  static ImageUpload image() {
    try {
      byte[] png = ImagePolicyTests.png();
      return ImageUpload.read(new ByteArrayInputStream(png), png.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A company, its app and the app's entry. */
  public record Launch(Company company, Application app, StoreEntry entry) {}
}
