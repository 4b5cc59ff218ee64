package dev.portico.store.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.applications.ApplicationType;
import dev.portico.store.EntryState;
import dev.portico.store.StoreCategory;
import dev.portico.store.StoreEntry;
import dev.portico.store.TeamVisibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sto_entry}, {@code sto_entry_team} and {@code sto_image} tables. The owner is read
 * from the app's row at every read, so an entry follows its app to a new owner.
 */
@Repository
public class EntryRows {

  private static final String SELECT =
      "select e.id, e.application_id, a.owner_account_id, e.name, e.summary, e.type, e.category,"
          + " e.team_visibility, e.description_markdown, e.support_url, e.support_email, e.vendor,"
          + " e.version, e.state, e.created_at, e.updated_at,"
          + " (select count(*) from sto_image i where i.entry_id = e.id) as images"
          + " from sto_entry e join app_application a on a.id = e.application_id ";

  private final JdbcClient jdbc;

  EntryRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StoreEntry> find(UUID id) {
    return one(SELECT + "where e.id = :id", "id", id);
  }

  public Optional<StoreEntry> ofApplication(UUID applicationId) {
    return one(SELECT + "where e.application_id = :app", "app", applicationId);
  }

  public Optional<UUID> idOfApplication(UUID applicationId) {
    return jdbc.sql("select id from sto_entry where application_id = :app")
        .param("app", applicationId)
        .query(UUID.class)
        .optional();
  }

  /** Whether an app of the account has an entry (an indexed exists, for the Developer page). */
  public boolean ownerHasAny(UUID accountId) {
    return jdbc.sql(
            "select exists (select 1 from sto_entry e join app_application a on a.id ="
                + " e.application_id where a.owner_account_id = :owner)")
        .param("owner", accountId)
        .query(Boolean.class)
        .single();
  }

  /** The account's entries by name. */
  public List<StoreEntry> ofOwner(UUID accountId) {
    return jdbc
        .sql(SELECT + "where a.owner_account_id = :owner order by e.name, e.id")
        .param("owner", accountId)
        .query((rs, n) -> entry(rs, Set.of()))
        .list()
        .stream()
        .map(e -> withTeams(e))
        .toList();
  }

  /**
   * At most {@code limit} entries by name that are PUBLIC or owned by one of the accounts (every
   * entry when {@code all}), whose name, summary or vendor contains {@code q} (any case; blank for
   * all): the candidates the store's search then filters through {@link EntryVisibility}.
   */
  public List<StoreEntry> search(Set<UUID> accounts, boolean all, String q, int limit) {
    String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc
        .sql(
            SELECT
                + "where (e.state = 'PUBLIC' or :all or a.owner_account_id in (:accounts))"
                + " and (:q = '' or e.name ilike :like or e.summary ilike :like"
                + " or coalesce(e.vendor, '') ilike :like) order by lower(e.name), e.id limit :limit")
        .param("all", all)
        .param("accounts", accounts.isEmpty() ? Set.of(new UUID(0, 0)) : accounts)
        .param("q", q)
        .param("like", like)
        .param("limit", limit)
        .query((rs, n) -> entry(rs, Set.of()))
        .list()
        .stream()
        .map(e -> e.state() == EntryState.PUBLIC ? e : withTeams(e))
        .toList();
  }

  /** The ids of the apps whose entry is PUBLIC (one indexed scan; the unmetered set, USE-2). */
  public Set<UUID> publicApplicationIds() {
    return new HashSet<>(
        jdbc.sql("select application_id from sto_entry where state = 'PUBLIC'")
            .query(UUID.class)
            .list());
  }

  public void insert(StoreEntry e, @Nullable UUID createdBy) {
    jdbc.sql(
            "insert into sto_entry (id, application_id, name, summary, type, category,"
                + " team_visibility, description_markdown, support_url, support_email, vendor,"
                + " version, state, created_at, created_by, updated_at) values (:id, :app, :name,"
                + " :summary, :type, :category, :vis, :description, :url, :email, :vendor,"
                + " :version, :state, :created, :createdBy, :updated)")
        .param("id", e.id())
        .param("app", e.applicationId())
        .param("createdBy", createdBy)
        .param("created", ts(e.createdAt()))
        .params(fields(e))
        .update();
    setTeams(e.id(), e.visibleTeamIds());
  }

  public void update(StoreEntry e) {
    jdbc.sql(
            "update sto_entry set name = :name, summary = :summary, type = :type, category ="
                + " :category, team_visibility = :vis, description_markdown = :description,"
                + " support_url = :url, support_email = :email, vendor = :vendor, version ="
                + " :version, state = :state, updated_at = :updated where id = :id")
        .param("id", e.id())
        .params(fields(e))
        .update();
    setTeams(e.id(), e.visibleTeamIds());
  }

  /** Locks the entry row until the transaction ends. */
  public boolean lock(UUID id) {
    return jdbc.sql("select id from sto_entry where id = :id for update")
        .param("id", id)
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  public void delete(UUID id) {
    jdbc.sql("delete from sto_entry where id = :id").param("id", id).update();
  }

  public void clearImages(UUID id) {
    jdbc.sql("delete from sto_image where entry_id = :id").param("id", id).update();
  }

  /** Appends the images after the existing ones, in order. */
  public void addImages(UUID id, List<ImagePolicy.Image> images) {
    int next =
        jdbc.sql("select coalesce(max(position), 0) from sto_image where entry_id = :id")
            .param("id", id)
            .query(Integer.class)
            .single();
    for (ImagePolicy.Image image : images) {
      next++;
      jdbc.sql(
              "insert into sto_image (entry_id, position, content_type, bytes) values (:id, :pos,"
                  + " :type, :bytes)")
          .param("id", id)
          .param("pos", next)
          .param("type", image.contentType())
          .param("bytes", image.bytes())
          .update();
    }
  }

  /** Image {@code n} (1-based, in upload order) of the entry. */
  public Optional<ImagePolicy.Image> image(UUID id, int n) {
    return jdbc.sql(
            "select content_type, bytes from sto_image where entry_id = :id order by position"
                + " limit 1 offset :offset")
        .param("id", id)
        .param("offset", n - 1)
        .query((rs, i) -> new ImagePolicy.Image(rs.getString(1), rs.getBytes(2)))
        .optional();
  }

  private Optional<StoreEntry> one(String sql, String name, UUID value) {
    return jdbc.sql(sql)
        .param(name, value)
        .query((rs, n) -> entry(rs, Set.of()))
        .optional()
        .map(this::withTeams);
  }

  private StoreEntry withTeams(StoreEntry e) {
    Set<UUID> teams =
        new HashSet<>(
            jdbc.sql("select team_id from sto_entry_team where entry_id = :id")
                .param("id", e.id())
                .query(UUID.class)
                .list());
    return new StoreEntry(
        e.id(),
        e.applicationId(),
        e.ownerAccountId(),
        e.name(),
        e.summary(),
        e.type(),
        e.category(),
        e.teamVisibility(),
        teams,
        e.description(),
        e.supportUrl(),
        e.supportEmail(),
        e.vendor(),
        e.version(),
        e.state(),
        e.imageCount(),
        e.createdAt(),
        e.updatedAt());
  }

  private void setTeams(UUID id, Set<UUID> teams) {
    jdbc.sql("delete from sto_entry_team where entry_id = :id").param("id", id).update();
    for (UUID team : teams) {
      jdbc.sql("insert into sto_entry_team (entry_id, team_id) values (:id, :team)")
          .param("id", id)
          .param("team", team)
          .update();
    }
  }

  private static java.util.Map<String, @Nullable Object> fields(StoreEntry e) {
    java.util.Map<String, @Nullable Object> p = new java.util.HashMap<>();
    p.put("name", e.name());
    p.put("summary", e.summary());
    p.put("type", e.type().name());
    p.put("category", e.category().name());
    p.put("vis", e.teamVisibility().name());
    p.put("description", e.description());
    p.put("url", e.supportUrl());
    p.put("email", e.supportEmail());
    p.put("vendor", e.vendor());
    p.put("version", e.version());
    p.put("state", e.state().name());
    p.put("updated", ts(e.updatedAt()));
    return p;
  }

  private static StoreEntry entry(ResultSet rs, Set<UUID> teams) throws SQLException {
    return new StoreEntry(
        uuid(rs, "id"),
        uuid(rs, "application_id"),
        uuid(rs, "owner_account_id"),
        rs.getString("name"),
        rs.getString("summary"),
        ApplicationType.valueOf(rs.getString("type")),
        StoreCategory.valueOf(rs.getString("category")),
        TeamVisibility.valueOf(rs.getString("team_visibility")),
        teams,
        rs.getString("description_markdown"),
        rs.getString("support_url"),
        rs.getString("support_email"),
        rs.getString("vendor"),
        rs.getString("version"),
        EntryState.valueOf(rs.getString("state")),
        rs.getInt("images"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
