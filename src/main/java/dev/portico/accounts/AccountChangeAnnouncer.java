package dev.portico.accounts;

import dev.portico.system.ChangeFeed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place where the accounts module announces its changes to the {@link ChangeFeed}, for
 * every node's caches of users and accounts: topic {@link AccountTopics#USER} when a user was
 * updated, added to or removed from a company, topic {@link AccountTopics#ACCOUNT} when an account
 * was renamed.
 *
 * <p>Synchronous on purpose ({@code @EventListener}, not after commit): the feed row is part of the
 * transaction of the change, so a change can never commit without it, and a failure here rolls the
 * change back rather than leaving a suspended user's credentials working on another node.
 */
@Component
class AccountChangeAnnouncer {

  private final ChangeFeed feed;

  AccountChangeAnnouncer(ChangeFeed feed) {
    this.feed = feed;
  }

  @EventListener
  void on(UserUpdated event) {
    feed.record(AccountTopics.USER, event.userId().toString());
  }

  @EventListener
  void on(UserAdded event) {
    feed.record(AccountTopics.USER, event.userId().toString());
  }

  @EventListener
  void on(UserRemoved event) {
    feed.record(AccountTopics.USER, event.userId().toString());
  }

  @EventListener
  void on(AccountUpdated event) {
    if (event.diff().containsKey("name")) {
      feed.record(AccountTopics.ACCOUNT, event.accountId().toString());
    }
  }
}
