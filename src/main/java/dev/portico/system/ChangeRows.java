package dev.portico.system;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of the change feed ({@code change_feed}). */
@Repository
class ChangeRows {

  private final JdbcClient jdbc;

  ChangeRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String topic, String subject, Instant at) {
    jdbc.sql(
            "insert into change_feed (id, topic, subject, changed_at)"
                + " values (:id, :topic, :subject, :at)")
        .param("id", UUID.randomUUID())
        .param("topic", topic)
        .param("subject", subject)
        .param("at", ts(at))
        .update();
  }

  /** The changes at or after this time, oldest first: one indexed range query. */
  List<Change> since(Instant since) {
    return jdbc.sql(
            "select id, topic, subject, changed_at from change_feed"
                + " where changed_at >= :since order by changed_at")
        .param("since", ts(since))
        .query(
            (rs, n) ->
                new Change(
                    uuid(rs, "id"),
                    rs.getString("topic"),
                    rs.getString("subject"),
                    instant(rs, "changed_at")))
        .list();
  }

  /** Deletes changes older than the cutoff; returns how many. */
  int purgeBefore(Instant cutoff) {
    return jdbc.sql("delete from change_feed where changed_at < :cutoff")
        .param("cutoff", ts(cutoff))
        .update();
  }

  /** One row of the feed. */
  record Change(UUID id, String topic, String subject, Instant changedAt) {}
}
