package dev.portico.applications.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.nullableUuid;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.Scope;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationOrder;
import dev.portico.applications.ApplicationSummary;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.PlatformOAuth;
import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores applications ({@code app_application} with its redirect URLs and collaborators) and the
 * per-owner counts ({@code app_account_count}) kept in the same transaction as every insert and
 * delete.
 */
@Repository
public class Applications {

  private final JdbcClient jdbc;

  Applications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Application app, String secretHash) {
    jdbc.sql(
            """
            insert into app_application (id, owner_account_id, name, name_key, primary_format,
              summary, type, oauth_url, supports_collaboration, scopes, admin_team_id, client_id,
              secret_hash, secret_created_at, consent_epoch, access_token_seconds,
              refresh_token_seconds, skip_consent, created_at, created_by, updated_at)
            values (:id, :owner, :name, :nameKey, :format, :summary, :type, :oauthUrl, :collab,
              :scopes, :adminTeam, :clientId, :hash, :secretAt, :epoch, :access, :refresh, :skip,
              :created, :by, :updated)
            """)
        .param("id", app.id())
        .param("owner", app.ownerAccountId())
        .param("name", app.name())
        .param("nameKey", nameKey(app.name()))
        .param("format", app.primaryFormat())
        .param("summary", app.summary())
        .param("type", app.type().name())
        .param("oauthUrl", app.oauthUrl())
        .param("collab", app.supportsCollaboration())
        .param("scopes", app.scopeBits())
        .param("adminTeam", app.adminTeamId())
        .param("clientId", app.clientId())
        .param("hash", secretHash)
        .param("secretAt", ts(app.secretCreatedAt()))
        .param("epoch", app.consentEpoch())
        .param("access", seconds(app.platformOAuth().accessTokenLifetime()))
        .param("refresh", seconds(app.platformOAuth().refreshTokenLifetime()))
        .param("skip", app.platformOAuth().skipConsentForOwnCompany())
        .param("created", ts(app.createdAt()))
        .param("by", app.createdBy())
        .param("updated", ts(app.updatedAt()))
        .update();
    writeLists(app);
    addToCount(app.ownerAccountId(), 1);
  }

  /** Writes everything but the id, owner, client id, secrets and creation of the application. */
  public void update(Application app) {
    jdbc.sql(
            """
            update app_application set name = :name, name_key = :nameKey, summary = :summary,
              type = :type, oauth_url = :oauthUrl, supports_collaboration = :collab,
              scopes = :scopes, admin_team_id = :adminTeam, consent_epoch = :epoch,
              access_token_seconds = :access, refresh_token_seconds = :refresh,
              skip_consent = :skip, updated_at = :updated
            where id = :id
            """)
        .param("id", app.id())
        .param("name", app.name())
        .param("nameKey", nameKey(app.name()))
        .param("summary", app.summary())
        .param("type", app.type().name())
        .param("oauthUrl", app.oauthUrl())
        .param("collab", app.supportsCollaboration())
        .param("scopes", app.scopeBits())
        .param("adminTeam", app.adminTeamId())
        .param("epoch", app.consentEpoch())
        .param("access", seconds(app.platformOAuth().accessTokenLifetime()))
        .param("refresh", seconds(app.platformOAuth().refreshTokenLifetime()))
        .param("skip", app.platformOAuth().skipConsentForOwnCompany())
        .param("updated", ts(app.updatedAt()))
        .update();
    jdbc.sql("delete from app_redirect_url where application_id = :id")
        .param("id", app.id())
        .update();
    jdbc.sql("delete from app_collaborator where application_id = :id")
        .param("id", app.id())
        .update();
    writeLists(app);
  }

  /** Deletes the application with its lists; whether it existed. */
  public boolean delete(Application app) {
    boolean deleted =
        jdbc.sql("delete from app_application where id = :id").param("id", app.id()).update() > 0;
    if (deleted) {
      addToCount(app.ownerAccountId(), -1);
    }
    return deleted;
  }

  /** Replaces the secret; the previous one keeps working until {@code previousExpires}, if set. */
  public void replaceSecret(
      UUID id,
      String hash,
      Instant createdAt,
      @Nullable String previousHash,
      @Nullable Instant previousExpires) {
    jdbc.sql(
            """
            update app_application set secret_hash = :hash, secret_created_at = :at,
              previous_secret_hash = :prev, previous_secret_expires = :prevExpires,
              previous_secret_used_at = null, updated_at = :at
            where id = :id
            """)
        .param("id", id)
        .param("hash", hash)
        .param("at", ts(createdAt))
        .param("prev", previousHash)
        .param("prevExpires", previousExpires == null ? null : ts(previousExpires))
        .update();
  }

  /** Ends an overlap: the previous secret stops working. Whether there was one. */
  public boolean revokePreviousSecret(UUID id) {
    return jdbc.sql(
                """
                update app_application set previous_secret_hash = null,
                  previous_secret_expires = null, previous_secret_used_at = null
                where id = :id and previous_secret_hash is not null
                """)
            .param("id", id)
            .update()
        > 0;
  }

  public void markPreviousSecretUsed(UUID id, Instant at) {
    jdbc.sql(
            "update app_application set previous_secret_used_at = :at"
                + " where id = :id and previous_secret_hash is not null")
        .param("id", id)
        .param("at", ts(at))
        .update();
  }

  public Optional<Application> find(UUID id) {
    return findStored(id).map(StoredApplication::application);
  }

  public Optional<StoredApplication> findStored(UUID id) {
    return jdbc.sql("select * from app_application where id = :id")
        .param("id", id)
        .query(this::mapStored)
        .optional();
  }

  public Optional<StoredApplication> findStoredByClientId(String clientId) {
    return jdbc.sql("select * from app_application where client_id = :c")
        .param("c", clientId)
        .query(this::mapStored)
        .optional();
  }

  /** Locks the application's row until the transaction ends. */
  public Optional<Application> lock(UUID id) {
    return jdbc.sql("select * from app_application where id = :id for update")
        .param("id", id)
        .query(this::mapStored)
        .optional()
        .map(StoredApplication::application);
  }

  public boolean primaryFormatExists(String primaryFormat) {
    return jdbc.sql("select count(*) from app_application where primary_format = :f")
            .param("f", primaryFormat)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * One page of the owner's applications, sorted and paged in the database. The page's ids are
   * found first from the owner's index alone (an index-only scan skips the offset without reading
   * the rows it skips), then only those rows are read: with 100 000 apps, page 2 001 by name took
   * 230 ms (p95) reading every skipped row and takes 34 ms this way (bench/README.md §3).
   */
  public ResultPage<ApplicationSummary> page(
      UUID ownerAccountId, ApplicationOrder order, boolean ascending, ResultPage.Request page) {
    List<ApplicationSummary> items =
        jdbc.sql(
                "select a.id, a.owner_account_id, a.name, a.type, a.client_id, a.scopes,"
                    + " a.created_at, a.created_by from app_application a join (select id from"
                    + " app_application where owner_account_id = :owner order by "
                    + orderBy(order, ascending, "")
                    + " limit :limit offset :offset) p on p.id = a.id order by "
                    + orderBy(order, ascending, "a."))
            .param("owner", ownerAccountId)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(Applications::mapSummary)
            .list();
    return new ResultPage<>(items, page.page(), page.size(), count(ownerAccountId));
  }

  /** Every order ends on a unique column running the same way, so an index serves either way. */
  private static String orderBy(ApplicationOrder order, boolean ascending, String table) {
    String dir = ascending ? " asc" : " desc";
    return switch (order) {
      case NAME -> table + "name_key" + dir + ", " + table + "id" + dir;
      case TYPE ->
          table + "type" + dir + ", " + table + "name_key" + dir + ", " + table + "id" + dir;
      case CLIENT_ID -> table + "client_id" + dir;
      case CREATED -> table + "created_at" + dir + ", " + table + "id" + dir;
    };
  }

  /** How many applications the account owns, from {@code app_account_count}. */
  public long count(UUID ownerAccountId) {
    return jdbc.sql("select app_count from app_account_count where account_id = :a")
        .param("a", ownerAccountId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /**
   * Whether one of the account's applications has an OAuth URL (the Developer page's OAuth2 step):
   * the database stops at the first such row.
   */
  public boolean anyWithOAuthUrl(UUID ownerAccountId) {
    return jdbc.sql(
                "select count(*) from (select 1 from app_application where owner_account_id = :owner"
                    + " and oauth_url is not null limit 1) t")
            .param("owner", ownerAccountId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The applications whose collaborators include the email, or whose admin team is given. */
  public List<ApplicationSummary> editableBy(String email, List<UUID> teamIds) {
    String teams = teamIds.isEmpty() ? "" : " or a.admin_team_id in (:teams)";
    var spec =
        jdbc.sql(
                "select a.id, a.owner_account_id, a.name, a.type, a.client_id, a.scopes,"
                    + " a.created_at, a.created_by from app_application a"
                    + " where (a.supports_collaboration and exists (select 1 from"
                    + " app_collaborator c where c.application_id = a.id and c.email = :email))"
                    + teams
                    + " order by a.name_key, a.id limit 200")
            .param("email", email.toLowerCase(Locale.ROOT));
    if (!teamIds.isEmpty()) {
      spec = spec.param("teams", teamIds);
    }
    return spec.query(Applications::mapSummary).list();
  }

  private void writeLists(Application app) {
    int position = 0;
    for (String url : app.redirectUrls()) {
      jdbc.sql(
              "insert into app_redirect_url (application_id, position, url)"
                  + " values (:id, :pos, :url)")
          .param("id", app.id())
          .param("pos", position++)
          .param("url", url)
          .update();
    }
    for (String email : app.collaborators()) {
      jdbc.sql("insert into app_collaborator (application_id, email) values (:id, :email)")
          .param("id", app.id())
          .param("email", email)
          .update();
    }
  }

  private void addToCount(UUID accountId, long delta) {
    int updated =
        jdbc.sql(
                "update app_account_count set app_count = app_count + :delta"
                    + " where account_id = :account")
            .param("account", accountId)
            .param("delta", delta)
            .update();
    if (updated == 0) {
      // The account's first application: its registration holds the account's row lock.
      jdbc.sql("insert into app_account_count (account_id, app_count) values (:account, :delta)")
          .param("account", accountId)
          .param("delta", Math.max(0, delta))
          .update();
    }
  }

  private StoredApplication mapStored(ResultSet rs, int n) throws SQLException {
    UUID id = uuid(rs, "id");
    List<String> urls =
        jdbc.sql("select url from app_redirect_url where application_id = :id order by position")
            .param("id", id)
            .query(String.class)
            .list();
    List<String> collaborators =
        jdbc.sql("select email from app_collaborator where application_id = :id order by email")
            .param("id", id)
            .query(String.class)
            .list();
    Instant previousExpires = nullableInstant(rs, "previous_secret_expires");
    String previousHash = rs.getString("previous_secret_hash");
    Application.PreviousSecret previous =
        previousHash == null || previousExpires == null
            ? null
            : new Application.PreviousSecret(
                previousExpires, nullableInstant(rs, "previous_secret_used_at"));
    int refresh = rs.getInt("refresh_token_seconds");
    Duration refreshLifetime = rs.wasNull() ? null : Duration.ofSeconds(refresh);
    Application app =
        new Application(
            id,
            uuid(rs, "owner_account_id"),
            rs.getString("name"),
            rs.getString("primary_format"),
            rs.getString("summary"),
            urls,
            ApplicationType.valueOf(rs.getString("type")),
            rs.getString("oauth_url"),
            rs.getBoolean("supports_collaboration"),
            Scope.of(rs.getInt("scopes")),
            nullableUuid(rs, "admin_team_id"),
            collaborators,
            rs.getString("client_id"),
            instant(rs, "secret_created_at"),
            previous,
            rs.getInt("consent_epoch"),
            new PlatformOAuth(
                Duration.ofSeconds(rs.getInt("access_token_seconds")),
                refreshLifetime,
                rs.getBoolean("skip_consent")),
            instant(rs, "created_at"),
            nullableUuid(rs, "created_by"),
            instant(rs, "updated_at"));
    return new StoredApplication(app, rs.getString("secret_hash"), previousHash, previousExpires);
  }

  private static ApplicationSummary mapSummary(ResultSet rs, int n) throws SQLException {
    return new ApplicationSummary(
        uuid(rs, "id"),
        uuid(rs, "owner_account_id"),
        rs.getString("name"),
        ApplicationType.valueOf(rs.getString("type")),
        rs.getString("client_id"),
        Scope.of(rs.getInt("scopes")),
        instant(rs, "created_at"),
        nullableUuid(rs, "created_by"));
  }

  private static String nameKey(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static @Nullable Integer seconds(@Nullable Duration d) {
    return d == null ? null : Math.toIntExact(d.toSeconds());
  }
}
