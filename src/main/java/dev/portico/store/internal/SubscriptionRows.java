package dev.portico.store.internal;

import static dev.portico.system.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sto_subscription} table: one row per entry × subscribed user. */
@Repository
public class SubscriptionRows {

  private final JdbcClient jdbc;

  SubscriptionRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the row; false when the user was subscribed already (the primary key decides). */
  public boolean insert(UUID entryId, UUID userId, Instant at) {
    try {
      return jdbc.sql(
                  "insert into sto_subscription (entry_id, user_id, subscribed_at)"
                      + " values (:entry, :user, :at)")
              .param("entry", entryId)
              .param("user", userId)
              .param("at", ts(at))
              .update()
          == 1;
    } catch (DuplicateKeyException alreadySubscribed) {
      return false;
    }
  }

  /** Removes the row; false when there was none. */
  public boolean delete(UUID entryId, UUID userId) {
    return jdbc.sql("delete from sto_subscription where entry_id = :entry and user_id = :user")
            .param("entry", entryId)
            .param("user", userId)
            .update()
        == 1;
  }

  public boolean exists(UUID entryId, UUID userId) {
    return jdbc.sql(
                "select count(*) from sto_subscription where entry_id = :entry and user_id = :user")
            .param("entry", entryId)
            .param("user", userId)
            .query(Long.class)
            .single()
        > 0;
  }

  public long count(UUID entryId) {
    return jdbc.sql("select count(*) from sto_subscription where entry_id = :entry")
        .param("entry", entryId)
        .query(Long.class)
        .single();
  }

  /** The entries the user subscribed to, oldest subscription first. */
  public List<UUID> entriesOf(UUID userId) {
    return jdbc.sql(
            "select entry_id from sto_subscription where user_id = :user"
                + " order by subscribed_at, entry_id")
        .param("user", userId)
        .query(UUID.class)
        .list();
  }
}
