package dev.portico.applications.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores External OAuth tokens ({@code app_external_token}, one row per app and user). Holds only
 * sealed values: sealing and opening is {@link ExternalTokenService}'s.
 */
@Repository
public class ExternalTokens {

  /** Most grants one user's list shows: far more apps than one person grants. */
  static final int MAX_PER_USER = 200;

  private final JdbcClient jdbc;

  ExternalTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One stored grant, its tokens sealed. */
  public record Row(
      UUID applicationId,
      UUID userId,
      String accessSealed,
      @Nullable String refreshSealed,
      String tokenType,
      @Nullable Instant expiresAt,
      String scopes,
      Instant grantedAt,
      Instant updatedAt) {

    @Override
    public String toString() {
      return "ExternalTokens.Row[" + applicationId + ", " + userId + "]";
    }
  }

  public Optional<Row> find(UUID applicationId, UUID userId) {
    return jdbc.sql(
            "select * from app_external_token where application_id = :app and user_id = :user")
        .param("app", applicationId)
        .param("user", userId)
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** Locks the grant's row until the transaction ends (one refresh at a time, on every node). */
  public Optional<Row> lock(UUID applicationId, UUID userId) {
    return jdbc.sql(
            "select * from app_external_token where application_id = :app and user_id = :user"
                + " for update")
        .param("app", applicationId)
        .param("user", userId)
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** The user's grants, the most recently granted first. */
  public List<Row> ofUser(UUID userId) {
    return jdbc.sql(
            "select * from app_external_token where user_id = :user"
                + " order by granted_at desc, application_id limit "
                + MAX_PER_USER)
        .param("user", userId)
        .query((rs, n) -> row(rs))
        .list();
  }

  /**
   * Creates or replaces the grant's tokens; {@code grantedAt} is kept on a refresh ({@code fresh}
   * false) and restarts on a new grant.
   */
  public void put(Row row, boolean fresh) {
    int updated =
        jdbc.sql(
                "update app_external_token set access_sealed = :access,"
                    + " refresh_sealed = :refresh, token_type = :type, expires_at = :expires,"
                    + " scopes = :scopes, updated_at = :updated"
                    + (fresh ? ", granted_at = :granted" : "")
                    + " where application_id = :app and user_id = :user")
            .params(parameters(row))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into app_external_token (application_id, user_id, access_sealed,"
                  + " refresh_sealed, token_type, expires_at, scopes, granted_at, updated_at)"
                  + " values (:app, :user, :access, :refresh, :type, :expires, :scopes,"
                  + " :granted, :updated)")
          .params(parameters(row))
          .update();
    }
  }

  public boolean delete(UUID applicationId, UUID userId) {
    return jdbc.sql(
                "delete from app_external_token where application_id = :app and user_id = :user")
            .param("app", applicationId)
            .param("user", userId)
            .update()
        > 0;
  }

  /** Deletes every grant of the app (its External OAuth configuration went or changed client). */
  public int deleteOfApplication(UUID applicationId) {
    return jdbc.sql("delete from app_external_token where application_id = :app")
        .param("app", applicationId)
        .update();
  }

  private static Map<String, Object> parameters(Row row) {
    Map<String, Object> p = new HashMap<>();
    p.put("app", row.applicationId());
    p.put("user", row.userId());
    p.put("access", row.accessSealed());
    p.put("refresh", row.refreshSealed());
    p.put("type", row.tokenType());
    p.put("expires", row.expiresAt() == null ? null : ts(row.expiresAt()));
    p.put("scopes", row.scopes());
    p.put("granted", ts(row.grantedAt()));
    p.put("updated", ts(row.updatedAt()));
    return p;
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        uuid(rs, "application_id"),
        uuid(rs, "user_id"),
        rs.getString("access_sealed"),
        rs.getString("refresh_sealed"),
        rs.getString("token_type"),
        nullableInstant(rs, "expires_at"),
        rs.getString("scopes"),
        instant(rs, "granted_at"),
        instant(rs, "updated_at"));
  }
}
