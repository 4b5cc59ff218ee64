package dev.portico.notifications.internal;

import dev.portico.accounts.Account;
import dev.portico.accounts.User;
import dev.portico.accounts.UserInvited;
import dev.portico.applications.ApplicationSecretRegenerated;
import dev.portico.applications.OwnershipTransferred;
import dev.portico.store.StoreReviewDecided;
import dev.portico.usage.UsageThresholdReached;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Turns the events that must reach people into emails and console notifications (NOT-1, NOT-2).
 * Each listener is an {@link ApplicationModuleListener}: the event publication registry stores the
 * publication in the publisher's transaction, the listener runs after that commit, asynchronously,
 * in a transaction of its own, and the publication is completed only when that transaction commits.
 * A listener that fails (database down) leaves its publication failed; {@link
 * PublicationResubmission} hands it back later. A publication delivered twice writes nothing the
 * second time: the rows are keyed by event and recipient. Renaming a method or this class orphans
 * the publications stored under its old name, so don't.
 */
@Component
class NotificationListeners {

  private final Recipients recipients;
  private final Deliveries deliveries;

  NotificationListeners(Recipients recipients, Deliveries deliveries) {
    Assert.notNull(recipients, "recipients cannot be null");
    Assert.notNull(deliveries, "deliveries cannot be null");
    this.recipients = recipients;
    this.deliveries = deliveries;
  }

  /** USE-5: every admin of the account (the individual, for a personal account). */
  @ApplicationModuleListener
  void on(UsageThresholdReached event) {
    recipients
        .account(event.accountId())
        .ifPresent(
            account -> {
              String path =
                  account.isCompanyType()
                      ? "/accounts/" + account.id() + "/developer/api-usage"
                      : "/my/developer/api-usage";
              String title =
                  event.accountName() + " has used " + event.threshold() + " % of its API calls";
              Notice notice =
                  new Notice(
                      "usage-threshold:%s:%s:%d"
                          .formatted(event.accountId(), event.periodStart(), event.threshold()),
                      "usage-threshold",
                      account.id(),
                      "[Portico] " + title,
                      Map.of("event", event, "full", event.threshold() >= 100),
                      title,
                      "%,d of %,d calls used in the period %s to %s."
                          .formatted(
                              event.used(),
                              event.allocation(),
                              event.periodStart(),
                              event.periodEnd()),
                      path);
              tellAdministrators(account, notice);
            });
  }

  /** APP-3: the admins of the account that owns the app (the individual, for a personal one). */
  @ApplicationModuleListener
  void on(ApplicationSecretRegenerated event) {
    recipients
        .account(event.accountId())
        .ifPresent(
            account -> {
              String title = "The client secret of " + event.name() + " was regenerated";
              String overlap =
                  event.diff().getOrDefault("overlap", "no time").toLowerCase(Locale.ROOT);
              Notice notice =
                  new Notice(
                      "secret-regenerated:%s:%s"
                          .formatted(event.applicationId(), event.regeneratedAt()),
                      "secret-regenerated",
                      account.id(),
                      "[Portico] " + title,
                      Map.of(
                          "event",
                          event,
                          "account",
                          account,
                          "by",
                          event.actor().email(),
                          "overlap",
                          overlap),
                      title,
                      "By "
                          + event.actor().email()
                          + ". The previous secret keeps working for "
                          + overlap
                          + ".",
                      "/developer/oauth-applications/" + event.applicationId() + "/keys");
              tellAdministrators(account, notice);
            });
  }

  /** OWN-3: the new owner's admins (the individual, for a personal account). */
  @ApplicationModuleListener
  void on(OwnershipTransferred event) {
    recipients
        .account(event.newOwnerAccountId())
        .ifPresent(
            account -> {
              String title = event.name() + " was transferred to " + account.name();
              Notice notice =
                  new Notice(
                      "ownership-transferred:%s:%s"
                          .formatted(event.applicationId(), event.transferredAt()),
                      "ownership-transferred",
                      account.id(),
                      "[Portico] " + title,
                      Map.of(
                          "event",
                          event,
                          "account",
                          account,
                          "by",
                          event.actor().email(),
                          "owner",
                          event.diff().getOrDefault("owner", "")),
                      title,
                      "By "
                          + event.actor().email()
                          + ". Its API calls now count toward "
                          + account.name()
                          + "'s allocation.",
                      "/developer/oauth-applications/" + event.applicationId());
              tellAdministrators(account, notice);
            });
  }

  /** STO-3: the admins of the account that owns the app (the individual, for a personal one). */
  @ApplicationModuleListener
  void on(StoreReviewDecided event) {
    recipients
        .account(event.accountId())
        .ifPresent(
            account -> {
              String title =
                  event.approved()
                      ? event.entryName() + " is public in the store"
                      : event.entryName() + " was returned by the store review";
              Notice notice =
                  new Notice(
                      "store-review:%s:%s".formatted(event.entryId(), event.decidedAt()),
                      "store-review",
                      account.id(),
                      "[Portico] " + title,
                      Map.of("event", event, "account", account),
                      title,
                      event.approved()
                          ? "Every signed-in user can now find it in the store."
                          : "The operator's comments: " + event.comments(),
                      event.entryPath());
              tellAdministrators(account, notice);
            });
  }

  /** TEN-6: the invited user, with the way to accept. */
  @ApplicationModuleListener
  void on(UserInvited event) {
    Account company = recipients.account(event.accountId()).orElse(null);
    User invitee = recipients.user(event.userId()).orElse(null);
    if (company == null || invitee == null) {
      return;
    }
    String role = event.diff().getOrDefault("role", "MEMBER");
    String title = "You are invited to join " + company.name();
    Notice notice =
        new Notice(
            "invitation:" + event.invitationId(),
            "invitation",
            company.id(),
            "[Portico] " + title,
            Map.of(
                "company",
                company,
                "by",
                event.actor().email(),
                "role",
                role,
                "expiresAt",
                event.diff().getOrDefault("expiresAt", "")),
            title,
            event.actor().email() + " invited you to join " + company.name() + " as " + role + ".",
            "/my/invitations");
    deliveries.deliver(notice, invitee);
  }

  private void tellAdministrators(Account account, Notice notice) {
    for (User admin : recipients.administratorsOf(account)) {
      deliveries.deliver(notice, admin);
    }
  }
}
