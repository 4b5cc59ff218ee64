package dev.portico.applications.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.nullableUuid;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.Scope;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.PlatformOAuth;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads stored applications: the row, then (with its result set closed) its lists. */
final class ApplicationRows {

  private final JdbcClient jdbc;

  ApplicationRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A row read, waiting for its redirect URLs and collaborators: those are queried after the row's
   * result set is closed, never inside the row mapper (which would hold one pooled connection while
   * asking for another).
   */
  record Partial(UUID id, Function<Lists, StoredApplication> complete) {}

  record Lists(List<String> urls, List<String> collaborators) {}

  StoredApplication complete(Partial partial) {
    List<String> urls =
        jdbc.sql("select url from app_redirect_url where application_id = :id order by position")
            .param("id", partial.id())
            .query(String.class)
            .list();
    List<String> collaborators =
        jdbc.sql("select email from app_collaborator where application_id = :id order by email")
            .param("id", partial.id())
            .query(String.class)
            .list();
    return partial.complete().apply(new Lists(urls, collaborators));
  }

  Partial map(ResultSet rs, int n) throws SQLException {
    UUID id = uuid(rs, "id");
    Instant previousExpires = nullableInstant(rs, "previous_secret_expires");
    String previousHash = rs.getString("previous_secret_hash");
    Application.PreviousSecret previous =
        previousHash == null || previousExpires == null
            ? null
            : new Application.PreviousSecret(
                previousExpires, nullableInstant(rs, "previous_secret_used_at"));
    int refresh = rs.getInt("refresh_token_seconds");
    Duration refreshLifetime = rs.wasNull() ? null : Duration.ofSeconds(refresh);
    UUID owner = uuid(rs, "owner_account_id");
    String name = rs.getString("name");
    String primaryFormat = rs.getString("primary_format");
    String summary = rs.getString("summary");
    ApplicationType type = ApplicationType.valueOf(rs.getString("type"));
    String oauthUrl = rs.getString("oauth_url");
    boolean collaboration = rs.getBoolean("supports_collaboration");
    Set<Scope> scopes = Scope.of(rs.getInt("scopes"));
    UUID adminTeam = nullableUuid(rs, "admin_team_id");
    String clientId = rs.getString("client_id");
    Instant secretCreated = instant(rs, "secret_created_at");
    int consentEpoch = rs.getInt("consent_epoch");
    PlatformOAuth platform =
        new PlatformOAuth(
            Duration.ofSeconds(rs.getInt("access_token_seconds")),
            refreshLifetime,
            rs.getBoolean("skip_consent"));
    Instant created = instant(rs, "created_at");
    UUID createdBy = nullableUuid(rs, "created_by");
    Instant updated = instant(rs, "updated_at");
    String secretHash = rs.getString("secret_hash");
    return new Partial(
        id,
        lists ->
            new StoredApplication(
                new Application(
                    id,
                    owner,
                    name,
                    primaryFormat,
                    summary,
                    lists.urls(),
                    type,
                    oauthUrl,
                    collaboration,
                    scopes,
                    adminTeam,
                    lists.collaborators(),
                    clientId,
                    secretCreated,
                    previous,
                    consentEpoch,
                    platform,
                    created,
                    createdBy,
                    updated),
                secretHash,
                previousHash,
                previousExpires));
  }
}
