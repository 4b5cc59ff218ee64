package dev.portico.applications.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.applications.ExternalOAuth;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores External OAuth configurations ({@code app_external_oauth}), secrets sealed. */
@Repository
public class ExternalOAuths {

  private final JdbcClient jdbc;

  ExternalOAuths(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ExternalOAuth> find(UUID applicationId) {
    return jdbc.sql("select * from app_external_oauth where application_id = :id")
        .param("id", applicationId)
        .query(
            (rs, n) ->
                new ExternalOAuth(
                    rs.getString("client_id"),
                    rs.getString("secret_sealed") != null,
                    rs.getString("authorization_url"),
                    rs.getString("token_url"),
                    rs.getString("scopes"),
                    instant(rs, "updated_at")))
        .optional();
  }

  /** The sealed client secret, if one is set. */
  public Optional<String> sealedSecret(UUID applicationId) {
    return jdbc.sql("select secret_sealed from app_external_oauth where application_id = :id")
        .param("id", applicationId)
        .query(String.class)
        .optional();
  }

  /** Creates or replaces the configuration; a {@code null} sealed secret keeps the stored one. */
  public void put(
      UUID applicationId, ExternalOAuth config, @Nullable String sealedSecret, Instant now) {
    int updated =
        jdbc.sql(
                """
                update app_external_oauth set client_id = :client,
                  secret_sealed = coalesce(:sealed, secret_sealed),
                  authorization_url = :auth, token_url = :token, scopes = :scopes,
                  updated_at = :now
                where application_id = :id
                """)
            .param("id", applicationId)
            .param("client", config.clientId())
            .param("sealed", sealedSecret)
            .param("auth", config.authorizationUrl())
            .param("token", config.tokenUrl())
            .param("scopes", config.scopes())
            .param("now", ts(now))
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into app_external_oauth (application_id, client_id, secret_sealed,
                authorization_url, token_url, scopes, updated_at)
              values (:id, :client, :sealed, :auth, :token, :scopes, :now)
              """)
          .param("id", applicationId)
          .param("client", config.clientId())
          .param("sealed", sealedSecret)
          .param("auth", config.authorizationUrl())
          .param("token", config.tokenUrl())
          .param("scopes", config.scopes())
          .param("now", ts(now))
          .update();
    }
  }

  /** An application with External OAuth, as a list of apps the user may grant reads it. */
  public record Configured(UUID applicationId, String name, UUID ownerAccountId, String scopes) {}

  /**
   * The applications of these owners that have External OAuth and no grant of this user, by name:
   * the candidates a user may grant (the caller checks who may use each).
   */
  public List<Configured> configuredWithoutGrant(
      Collection<UUID> ownerAccountIds, UUID userId, int limit) {
    if (ownerAccountIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select a.id, a.name, a.owner_account_id, e.scopes
            from app_application a join app_external_oauth e on e.application_id = a.id
            where a.owner_account_id in (:owners)
              and not exists (select 1 from app_external_token t
                              where t.application_id = a.id and t.user_id = :user)
            order by lower(a.name), a.id limit :limit
            """)
        .param("owners", ownerAccountIds)
        .param("user", userId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Configured(
                    uuid(rs, "id"),
                    rs.getString("name"),
                    uuid(rs, "owner_account_id"),
                    rs.getString("scopes")))
        .list();
  }

  public boolean delete(UUID applicationId) {
    return jdbc.sql("delete from app_external_oauth where application_id = :id")
            .param("id", applicationId)
            .update()
        > 0;
  }
}
