package dev.portico.notifications.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/** The in-console notifications ({@code not_notification}) of every user (NOT-2). */
@Repository
public class ConsoleNotifications {

  /** The bell shows at most this many ("99+" beyond); the count stops there. */
  public static final int UNREAD_CAP = 100;

  private static final String COLUMNS = "id, user_id, title, body, link, created_at, read_at";

  private final JdbcClient jdbc;

  ConsoleNotifications(JdbcClient jdbc) {
    Assert.notNull(jdbc, "jdbc cannot be null");
    this.jdbc = jdbc;
  }

  /** Adds the notification unless one with its dedupe key exists. */
  public void add(NewNotification n, Instant now) {
    jdbc.sql(
            """
            insert into not_notification (id, dedupe_key, user_id, title, body, link, created_at)
            values (:id, :key, :user, :title, :body, :link, :now)
            on conflict do nothing
            """)
        .param("id", UUID.randomUUID())
        .param("key", n.dedupeKey())
        .param("user", n.userId())
        .param("title", n.title())
        .param("body", n.body())
        .param("link", n.link())
        .param("now", ts(now))
        .update();
  }

  /**
   * The user's unread notifications, counted up to {@link #UNREAD_CAP}: one index range of {@code
   * (user_id, read_at)}, however many notifications the user has.
   */
  public int unread(UUID userId) {
    return jdbc.sql(
            """
            select count(*) from (select 1 from not_notification
              where user_id = :user and read_at is null limit :cap) unread
            """)
        .param("user", userId)
        .param("cap", UNREAD_CAP)
        .query(Integer.class)
        .single();
  }

  /** One page of the user's notifications, newest first. */
  public ResultPage<ConsoleNotification> page(UUID userId, ResultPage.Request request) {
    long total =
        jdbc.sql("select count(*) from not_notification where user_id = :user")
            .param("user", userId)
            .query(Long.class)
            .single();
    List<ConsoleNotification> items =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from not_notification where user_id = :user"
                    + " order by created_at desc, id limit :limit offset :offset")
            .param("user", userId)
            .param("limit", request.size())
            .param("offset", request.offset())
            .query(ConsoleNotifications::row)
            .list();
    return new ResultPage<>(items, request.page(), request.size(), total);
  }

  /** Marks one of the user's notifications read; false when the user has none with that id. */
  public boolean markRead(UUID userId, UUID id, Instant now) {
    int found =
        jdbc.sql(
                """
                update not_notification set read_at = coalesce(read_at, :now)
                where id = :id and user_id = :user
                """)
            .param("now", ts(now))
            .param("id", id)
            .param("user", userId)
            .update();
    return found == 1;
  }

  /** Marks every unread notification of the user read. */
  public int markAllRead(UUID userId, Instant now) {
    return jdbc.sql(
            "update not_notification set read_at = :now where user_id = :user and read_at is null")
        .param("now", ts(now))
        .param("user", userId)
        .update();
  }

  private static ConsoleNotification row(ResultSet rs, int n) throws SQLException {
    return new ConsoleNotification(
        uuid(rs, "id"),
        uuid(rs, "user_id"),
        rs.getString("title"),
        rs.getString("body"),
        rs.getString("link"),
        instant(rs, "created_at"),
        nullableInstant(rs, "read_at"));
  }
}
