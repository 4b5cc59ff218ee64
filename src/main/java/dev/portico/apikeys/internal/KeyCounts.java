package dev.portico.apikeys.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many keys each account holds ({@code key_account_count}), so a list of a million keys is
 * counted by reading one row ({@code ApiKeys.page}). Kept in the transaction of every creation and
 * deletion by {@link KeyCountListener}; the row is locked by the update, so concurrent changes add
 * up.
 */
@Repository
public class KeyCounts {

  private final JdbcClient jdbc;

  KeyCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(UUID accountId, long delta) {
    int updated =
        jdbc.sql(
                "update key_account_count set key_count = key_count + :delta"
                    + " where account_id = :account")
            .param("account", accountId)
            .param("delta", delta)
            .update();
    if (updated == 0) {
      // The account's first key: its creation holds the account's row lock, so no twin insert.
      jdbc.sql("insert into key_account_count (account_id, key_count) values (:account, :delta)")
          .param("account", accountId)
          .param("delta", Math.max(0, delta))
          .update();
    }
  }
}
