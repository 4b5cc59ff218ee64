package dev.portico.apikeys.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.nullableUuid;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.Scope;
import dev.portico.apikeys.ApiKey;
import dev.portico.apikeys.ApiKeyOrder;
import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores API keys ({@code key_api_key}) with their sealed secrets. */
@Repository
public class ApiKeys {

  private final JdbcClient jdbc;

  ApiKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApiKey key, String sealedSecret) {
    jdbc.sql(
            """
            insert into key_api_key (id, account_id, user_id, name, access_key, secret_sealed, scopes, stack_key, created_at, created_by)
            values (:id, :account, :user, :name, :access, :sealed, :scopes, :stack, :created, :by)
            """)
        .param("id", key.id())
        .param("account", key.accountId())
        .param("user", key.userId())
        .param("name", key.name())
        .param("access", key.accessKey())
        .param("sealed", sealedSecret)
        .param("scopes", key.scopeBits())
        .param("stack", key.stackKey())
        .param("created", ts(key.createdAt()))
        .param("by", key.createdBy())
        .update();
  }

  public boolean delete(UUID id) {
    return jdbc.sql("delete from key_api_key where id = :id").param("id", id).update() > 0;
  }

  public Optional<ApiKey> find(UUID id) {
    return jdbc.sql("select * from key_api_key where id = :id")
        .param("id", id)
        .query(ApiKeys::map)
        .optional();
  }

  /** The keys with these ids that exist, in one query. */
  public List<ApiKey> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from key_api_key where id in (:ids)")
        .param("ids", ids)
        .query(ApiKeys::map)
        .list();
  }

  public boolean accessKeyExists(String accessKey) {
    return jdbc.sql("select count(*) from key_api_key where access_key = :a")
            .param("a", accessKey)
            .query(Long.class)
            .single()
        > 0;
  }

  /** A key with its sealed secret, by access key: what verification needs. */
  public Optional<Sealed> findSealed(String accessKey) {
    return jdbc.sql("select * from key_api_key where access_key = :a")
        .param("a", accessKey)
        .query((rs, n) -> new Sealed(map(rs, n), rs.getString("secret_sealed")))
        .optional();
  }

  public List<ApiKey> forAccount(UUID accountId) {
    return jdbc.sql(
            "select * from key_api_key where account_id = :account order by created_at desc, id")
        .param("account", accountId)
        .query(ApiKeys::map)
        .list();
  }

  public ResultPage<ApiKey> forAccount(UUID accountId, ResultPage.Request page) {
    List<ApiKey> items =
        jdbc.sql(
                "select * from key_api_key where account_id = :account order by created_at desc, id"
                    + " limit :limit offset :offset")
            .param("account", accountId)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(ApiKeys::map)
            .list();
    return new ResultPage<>(items, page.page(), page.size(), countForAccount(accountId));
  }

  /**
   * One page of the account's keys in the given order, sorted, paged and counted in the database.
   * Every order ends on a unique column running the same way, so an index serves either direction;
   * sorting by user reads the user's name from {@code acc_user}, the one thing this table lacks.
   * The total is the kept count ({@link KeyCounts}), not a count of the rows.
   */
  public ResultPage<ApiKey> page(
      UUID accountId, ApiKeyOrder order, boolean ascending, ResultPage.Request page) {
    String dir = ascending ? " asc" : " desc";
    String orderBy =
        switch (order) {
          case NAME -> "lower(k.name)" + dir + ", k.id" + dir;
          case ACCESS_KEY -> "k.access_key" + dir;
          case USER -> "lower(u.name)" + dir + ", u.email_key" + dir + ", k.id" + dir;
          case CREATED -> "k.created_at" + dir + ", k.id" + dir;
          case LAST_USED ->
              ascending
                  ? "k.last_used_at asc nulls first, k.id asc"
                  : "k.last_used_at desc nulls last, k.id desc";
        };
    String from =
        order == ApiKeyOrder.USER
            ? " from key_api_key k join acc_user u on u.id = k.user_id"
            : " from key_api_key k";
    List<ApiKey> items =
        jdbc.sql(
                "select k.*"
                    + from
                    + " where k.account_id = :account order by "
                    + orderBy
                    + " limit :limit offset :offset")
            .param("account", accountId)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(ApiKeys::map)
            .list();
    return new ResultPage<>(items, page.page(), page.size(), counted(accountId));
  }

  /** The account's number of keys as {@link KeyCounts} keeps it: one row, whatever the number. */
  public long counted(UUID accountId) {
    return jdbc.sql("select key_count from key_account_count where account_id = :account")
        .param("account", accountId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  public List<ApiKey> forUser(UUID accountId, UUID userId) {
    return jdbc.sql(
            "select * from key_api_key where account_id = :account and user_id = :user order by created_at desc, id")
        .param("account", accountId)
        .param("user", userId)
        .query(ApiKeys::map)
        .list();
  }

  public long countForAccount(UUID accountId) {
    return jdbc.sql("select count(*) from key_api_key where account_id = :account")
        .param("account", accountId)
        .query(Long.class)
        .single();
  }

  /**
   * Up to {@code limit} keys whose secret is sealed with the given encryption key id, by id, after
   * the given id ({@code null}: from the first): the batches of a re-encryption.
   */
  public List<Sealed> sealedWith(String encryptionKeyId, @Nullable UUID after, int limit) {
    String prefix = encryptionKeyId + ":";
    return jdbc.sql(
            "select * from key_api_key where substring(secret_sealed from 1 for :n) = :prefix"
                + (after == null ? "" : " and id > :after")
                + " order by id limit :limit")
        .param("n", prefix.length())
        .param("prefix", prefix)
        .param("after", after)
        .param("limit", limit)
        .query((rs, n) -> new Sealed(map(rs, n), rs.getString("secret_sealed")))
        .list();
  }

  /** How many secrets are sealed with another encryption key than the given one. */
  public long countSealedWithOtherThan(String encryptionKeyId) {
    String prefix = encryptionKeyId + ":";
    return jdbc.sql(
            "select count(*) from key_api_key where substring(secret_sealed from 1 for :n) <> :prefix")
        .param("n", prefix.length())
        .param("prefix", prefix)
        .query(Long.class)
        .single();
  }

  /** Replaces a sealed secret, unless another node replaced it first; returns whether it did. */
  public boolean reseal(UUID id, String sealedBefore, String sealedSecret) {
    return jdbc.sql(
                "update key_api_key set secret_sealed = :s where id = :id and secret_sealed = :before")
            .param("id", id)
            .param("before", sealedBefore)
            .param("s", sealedSecret)
            .update()
        > 0;
  }

  /**
   * Remembers that the bootstrap key with this access key is being created; returns {@code false}
   * when it was created before (even if it was deleted since) or another node is creating it now.
   */
  public boolean claimBootstrapKey(String accessKey, Instant at) {
    return jdbc.sql(
                "insert into key_bootstrap_issued (access_key, created_at) values (:a, :at)"
                    + " on conflict do nothing")
            .param("a", accessKey)
            .param("at", ts(at))
            .update()
        == 1;
  }

  /** Writes a batch of "last used" times; a later time never goes backwards. */
  public void touch(Map<UUID, Instant> lastUsed) {
    lastUsed.forEach(
        (id, at) ->
            jdbc.sql(
                    "update key_api_key set last_used_at = :at where id = :id and (last_used_at is null or last_used_at < :at)")
                .param("id", id)
                .param("at", ts(at))
                .update());
  }

  static ApiKey map(ResultSet rs, int row) throws SQLException {
    return new ApiKey(
        uuid(rs, "id"),
        uuid(rs, "account_id"),
        uuid(rs, "user_id"),
        rs.getString("name"),
        rs.getString("access_key"),
        Scope.of(rs.getInt("scopes")),
        rs.getString("stack_key"),
        instant(rs, "created_at"),
        nullableUuid(rs, "created_by"),
        nullableInstant(rs, "last_used_at"));
  }

  /** A key and its sealed secret. */
  public record Sealed(ApiKey key, String sealedSecret) {}
}
