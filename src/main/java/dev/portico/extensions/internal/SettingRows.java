package dev.portico.extensions.internal;

import static dev.portico.system.Sql.ts;

import dev.portico.extensions.AppSetting;
import dev.portico.extensions.SettingOwner;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ext_setting} and {@code ext_setting_owner} tables: apps' settings stores (API-2). */
@Repository
public class SettingRows {

  private static final String OWNER =
      "application_id = :app and owner_kind = :kind and owner_id = :owner";

  private final JdbcClient jdbc;

  SettingRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The owner's settings of the app, by key; only these keys when some are given. */
  public List<AppSetting> list(UUID appId, SettingOwner owner, @Nullable Collection<String> keys) {
    if (keys != null && keys.isEmpty()) {
      return List.of();
    }
    var spec =
        jdbc.sql(
                "select setting_key, setting_value from ext_setting where "
                    + OWNER
                    + (keys == null ? "" : " and setting_key in (:keys)")
                    + " order by setting_key")
            .param("app", appId)
            .param("kind", owner.kind().name())
            .param("owner", owner.id());
    if (keys != null) {
      spec = spec.param("keys", keys);
    }
    return spec.query(
            (rs, n) -> new AppSetting(rs.getString("setting_key"), rs.getString("setting_value")))
        .list();
  }

  /**
   * Locks the owner's store of the app until the transaction ends, creating it if needed: writers
   * of one owner's settings take turns, so the key limit holds under concurrent writes. Two
   * transactions creating it at once both go on (the second waits for the first, then finds it).
   */
  public void lockOwner(UUID appId, SettingOwner owner) {
    jdbc.sql(
            "insert into ext_setting_owner (application_id, owner_kind, owner_id)"
                + " values (:app, :kind, :owner) on conflict do nothing")
        .param("app", appId)
        .param("kind", owner.kind().name())
        .param("owner", owner.id())
        .update();
    jdbc.sql("select owner_id from ext_setting_owner where " + OWNER + " for update")
        .param("app", appId)
        .param("kind", owner.kind().name())
        .param("owner", owner.id())
        .query((rs, n) -> rs.getString(1))
        .list();
  }

  /** The keys the owner has stored for the app. */
  public Set<String> keys(UUID appId, SettingOwner owner) {
    return new HashSet<>(
        jdbc.sql("select setting_key from ext_setting where " + OWNER)
            .param("app", appId)
            .param("kind", owner.kind().name())
            .param("owner", owner.id())
            .query(String.class)
            .list());
  }

  /** Sets the value of a key; the caller holds {@link #lockOwner} and knows whether it exists. */
  public void put(UUID appId, SettingOwner owner, AppSetting setting, boolean exists, Instant now) {
    String sql =
        exists
            ? "update ext_setting set setting_value = :value, updated_at = :now where "
                + OWNER
                + " and setting_key = :key"
            : "insert into ext_setting (application_id, owner_kind, owner_id, setting_key,"
                + " setting_value, updated_at) values (:app, :kind, :owner, :key, :value, :now)";
    jdbc.sql(sql)
        .param("app", appId)
        .param("kind", owner.kind().name())
        .param("owner", owner.id())
        .param("key", setting.key())
        .param("value", setting.json())
        .param("now", ts(now))
        .update();
  }

  /** Removes these keys of the owner's settings of the app, or all of them; how many went. */
  public int delete(UUID appId, SettingOwner owner, @Nullable Collection<String> keys) {
    if (keys != null && keys.isEmpty()) {
      return 0;
    }
    var spec =
        jdbc.sql(
                "delete from ext_setting where "
                    + OWNER
                    + (keys == null ? "" : " and setting_key in (:keys)"))
            .param("app", appId)
            .param("kind", owner.kind().name())
            .param("owner", owner.id());
    if (keys != null) {
      spec = spec.param("keys", keys);
    }
    return spec.update();
  }
}
