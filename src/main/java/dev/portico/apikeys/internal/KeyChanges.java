package dev.portico.apikeys.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableUuid;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The change feed of cached keys ({@code key_change}): rows written in the transaction of a change
 * that affects a key, read by every node by {@code changed_at} to drop what changed from its cache.
 */
@Repository
public class KeyChanges {

  private final JdbcClient jdbc;

  KeyChanges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The key with this access key was deleted or changed. */
  public void keyChanged(String accessKey, Instant at) {
    insert(accessKey, null, null, at);
  }

  /** Something the keys of this user show or depend on changed (state, role, company, name). */
  public void userChanged(UUID userId, Instant at) {
    insert(null, userId, null, at);
  }

  /** Something the keys of this account, or of its members, show changed (its name). */
  public void accountChanged(UUID accountId, Instant at) {
    insert(null, null, accountId, at);
  }

  /** The changes at or after this time, oldest first: one indexed range query. */
  public List<Change> since(Instant since) {
    return jdbc.sql(
            "select id, access_key, user_id, account_id, changed_at from key_change"
                + " where changed_at >= :since order by changed_at")
        .param("since", ts(since))
        .query(
            (rs, n) ->
                new Change(
                    uuid(rs, "id"),
                    rs.getString("access_key"),
                    nullableUuid(rs, "user_id"),
                    nullableUuid(rs, "account_id"),
                    instant(rs, "changed_at")))
        .list();
  }

  /** Deletes changes older than the cutoff; returns how many. */
  public int purgeBefore(Instant cutoff) {
    return jdbc.sql("delete from key_change where changed_at < :cutoff")
        .param("cutoff", ts(cutoff))
        .update();
  }

  private void insert(
      @Nullable String accessKey, @Nullable UUID userId, @Nullable UUID accountId, Instant at) {
    jdbc.sql(
            "insert into key_change (id, access_key, user_id, account_id, changed_at)"
                + " values (:id, :access, :user, :account, :at)")
        .param("id", UUID.randomUUID())
        .param("access", accessKey)
        .param("user", userId)
        .param("account", accountId)
        .param("at", ts(at))
        .update();
  }

  /** One change: exactly one of access key, user and account is set. */
  public record Change(
      UUID id,
      @Nullable String accessKey,
      @Nullable UUID userId,
      @Nullable UUID accountId,
      Instant changedAt) {}
}
