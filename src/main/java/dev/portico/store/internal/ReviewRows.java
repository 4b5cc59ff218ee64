package dev.portico.store.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.store.EntryState;
import dev.portico.store.ReviewStep;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The launch checklist's ticks ({@code sto_checklist_tick}), the review columns of {@code
 * sto_entry} ({@code state}, {@code requested_at}, {@code published_at}) and the review history
 * ({@code sto_review}). Callers hold the entry's row lock ({@link EntryRows#lock}) while they
 * write.
 */
@Repository
public class ReviewRows {

  private final JdbcClient jdbc;

  ReviewRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The keys of the entry's ticked manual items. */
  public Set<String> ticks(UUID entryId) {
    return new HashSet<>(
        jdbc.sql("select item_key from sto_checklist_tick where entry_id = :id")
            .param("id", entryId)
            .query(String.class)
            .list());
  }

  /** Ticks the item; false when it was ticked already. */
  public boolean tick(UUID entryId, String key, @Nullable UUID by, Instant at) {
    if (ticks(entryId).contains(key)) {
      return false;
    }
    jdbc.sql(
            "insert into sto_checklist_tick (entry_id, item_key, ticked_by, ticked_at) values"
                + " (:id, :key, :by, :at)")
        .param("id", entryId)
        .param("key", key)
        .param("by", by)
        .param("at", ts(at))
        .update();
    return true;
  }

  /** Unticks the item; false when it was not ticked. */
  public boolean untick(UUID entryId, String key) {
    return jdbc.sql("delete from sto_checklist_tick where entry_id = :id and item_key = :key")
            .param("id", entryId)
            .param("key", key)
            .update()
        > 0;
  }

  /** Moves the entry to the state; {@code requested_at} / {@code published_at} when given. */
  public void moveTo(
      UUID entryId,
      EntryState state,
      Instant at,
      @Nullable Instant requestedAt,
      @Nullable Instant publishedAt) {
    String sql = "update sto_entry set state = :state, updated_at = :at";
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("id", entryId);
    params.put("state", state.name());
    params.put("at", ts(at));
    if (requestedAt != null) {
      sql += ", requested_at = :requested";
      params.put("requested", ts(requestedAt));
    }
    if (publishedAt != null) {
      sql += ", published_at = :published";
      params.put("published", ts(publishedAt));
    }
    jdbc.sql(sql + " where id = :id").params(params).update();
  }

  /** When the entry last asked for review, if ever. */
  public Optional<Instant> requestedAt(UUID entryId) {
    return at(entryId, "requested_at");
  }

  /** When the entry became public, if it is. */
  public Optional<Instant> publishedAt(UUID entryId) {
    return at(entryId, "published_at");
  }

  /** The ids of the entries in review with when they asked, oldest request first. */
  public List<Queued> inReview() {
    return jdbc.sql(
            "select id, requested_at from sto_entry where state = :state"
                + " order by requested_at, id")
        .param("state", EntryState.IN_REVIEW.name())
        .query((rs, n) -> new Queued(uuid(rs, "id"), instant(rs, "requested_at")))
        .list();
  }

  public void addStep(UUID entryId, ReviewStep step, @Nullable UUID actorId) {
    jdbc.sql(
            "insert into sto_review (id, entry_id, decision, comments, actor_id, actor_email,"
                + " decided_at) values (:id, :entry, :decision, :comments, :actor, :email, :at)")
        .param("id", UUID.randomUUID())
        .param("entry", entryId)
        .param("decision", step.kind().name())
        .param("comments", step.comments())
        .param("actor", actorId)
        .param("email", step.actorEmail())
        .param("at", ts(step.at()))
        .update();
  }

  /** The entry's review history, newest first. */
  public List<ReviewStep> steps(UUID entryId) {
    return jdbc.sql(
            "select decision, comments, actor_email, decided_at from sto_review where entry_id ="
                + " :id order by decided_at desc, id")
        .param("id", entryId)
        .query(
            (rs, n) ->
                new ReviewStep(
                    ReviewStep.Kind.valueOf(rs.getString("decision")),
                    rs.getString("comments"),
                    rs.getString("actor_email"),
                    instant(rs, "decided_at")))
        .list();
  }

  private Optional<Instant> at(UUID entryId, String column) {
    return jdbc.sql("select " + column + " from sto_entry where id = :id")
        .param("id", entryId)
        .query((rs, n) -> Optional.ofNullable(nullableInstant(rs, column)))
        .optional()
        .flatMap(o -> o);
  }

  /** An entry in review and when it asked. */
  public record Queued(UUID entryId, Instant requestedAt) {}
}
