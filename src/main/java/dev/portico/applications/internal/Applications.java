package dev.portico.applications.internal;

import static dev.portico.system.Sql.ts;

import dev.portico.applications.Application;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores applications ({@code app_application} with its redirect URLs and collaborators) and the
 * per-owner counts ({@code app_account_count}) kept in the same transaction as every insert and
 * delete. The lists are {@link ApplicationLists}'.
 */
@Repository
public class Applications {

  private final JdbcClient jdbc;
  private final ApplicationRows rows;

  Applications(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.rows = new ApplicationRows(jdbc);
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
        .query(rows::map)
        .optional()
        .map(rows::complete);
  }

  public Optional<StoredApplication> findStoredByClientId(String clientId) {
    return jdbc.sql("select * from app_application where client_id = :c")
        .param("c", clientId)
        .query(rows::map)
        .optional()
        .map(rows::complete);
  }

  /**
   * Hands the application to another account (OWN-1): its admin team (a team of the old owner) is
   * cleared and its assignments (of the old owner's users, teams and groups) are removed; the app
   * counts of both accounts follow. Everything else stays.
   */
  public void changeOwner(Application app, UUID newOwnerAccountId, Instant at) {
    jdbc.sql(
            "update app_application set owner_account_id = :owner, admin_team_id = null,"
                + " updated_at = :at where id = :id")
        .param("id", app.id())
        .param("owner", newOwnerAccountId)
        .param("at", ts(at))
        .update();
    jdbc.sql("delete from app_assignment where application_id = :id")
        .param("id", app.id())
        .update();
    addToCount(app.ownerAccountId(), -1);
    addToCount(newOwnerAccountId, 1);
  }

  /** Locks the application's row until the transaction ends. */
  public Optional<Application> lock(UUID id) {
    return jdbc.sql("select * from app_application where id = :id for update")
        .param("id", id)
        .query(rows::map)
        .optional()
        .map(rows::complete)
        .map(StoredApplication::application);
  }

  public boolean primaryFormatExists(String primaryFormat) {
    return jdbc.sql("select count(*) from app_application where primary_format = :f")
            .param("f", primaryFormat)
            .query(Long.class)
            .single()
        > 0;
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

  private static String nameKey(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static @Nullable Integer seconds(@Nullable Duration d) {
    return d == null ? null : Math.toIntExact(d.toSeconds());
  }
}
