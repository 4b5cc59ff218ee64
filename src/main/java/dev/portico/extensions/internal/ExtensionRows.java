package dev.portico.extensions.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableUuid;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ext_extension} table: an app's extensions and their icons. */
@Repository
public class ExtensionRows {

  private static final String COLUMNS =
      "id, application_id, name, description, location, context, action_url, action_type,"
          + " action_body, show_response, icon_type, created_at, created_by, updated_at";

  static final RowMapper<Extension> EXTENSION = ExtensionRows::extension;

  private final JdbcClient jdbc;

  ExtensionRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Extension> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from ext_extension where id = :id")
        .param("id", id)
        .query(EXTENSION)
        .optional();
  }

  /** The extension, locked until the transaction ends (a change reads what it replaces). */
  public Optional<Extension> lock(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from ext_extension where id = :id for update")
        .param("id", id)
        .query(EXTENSION)
        .optional();
  }

  /** One page of the app's extensions by name, sorted and paged in the database. */
  public List<Extension> ofApplication(UUID applicationId, long offset, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from ext_extension where application_id = :app order by name, id"
                + " limit :limit offset :offset")
        .param("app", applicationId)
        .param("limit", limit)
        .param("offset", offset)
        .query(EXTENSION)
        .list();
  }

  public long count(UUID applicationId) {
    return jdbc.sql("select count(*) from ext_extension where application_id = :app")
        .param("app", applicationId)
        .query(Long.class)
        .single();
  }

  /** The app's extensions by name. */
  public List<Extension> ofApplication(UUID applicationId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from ext_extension where application_id = :app order by name, id")
        .param("app", applicationId)
        .query(EXTENSION)
        .list();
  }

  /**
   * The extensions of these applications at the location and in the context, either of which may be
   * left out (every one), by name: one query.
   */
  public List<Extension> ofApplications(
      Collection<UUID> applicationIds,
      @Nullable ExtensionLocation location,
      @Nullable ExtensionContext context) {
    if (applicationIds.isEmpty()) {
      return List.of();
    }
    String sql =
        "select "
            + COLUMNS
            + " from ext_extension where application_id in (:apps)"
            + (location == null ? "" : " and location = :location")
            + (context == null ? "" : " and context = :context")
            + " order by name, id";
    var spec = jdbc.sql(sql).param("apps", applicationIds);
    if (location != null) {
      spec = spec.param("location", location.name());
    }
    if (context != null) {
      spec = spec.param("context", context.name());
    }
    return spec.query(EXTENSION).list();
  }

  /**
   * Stores a new extension; a second {@code ELEMENT_TAB} or {@code PART_NUMBER_GENERATOR} of the
   * app raises {@link org.springframework.dao.DuplicateKeyException}.
   */
  public void insert(Extension e, @Nullable Icon icon) {
    jdbc.sql(
            """
            insert into ext_extension (id, application_id, name, description, location, context,
              action_url, action_type, action_body, show_response, one_per_app, icon_type, icon,
              created_at, created_by, updated_at)
            values (:id, :app, :name, :description, :location, :context, :url, :type, :body,
              :show, :one, :iconType, :icon, :created, :createdBy, :updated)
            """)
        .param("id", e.id())
        .param("app", e.applicationId())
        .param("name", e.name())
        .param("description", e.description())
        .param("location", e.location().name())
        .param("context", e.context() == null ? null : e.context().name())
        .param("url", e.actionUrl())
        .param("type", e.actionType() == null ? null : e.actionType().name())
        .param("body", e.actionBody())
        .param("show", e.showResponse())
        .param("one", e.location().onePerApplication() ? e.location().name() : null)
        .param("iconType", icon == null ? null : icon.type())
        .param("icon", icon == null ? null : icon.bytes())
        .param("created", ts(e.createdAt()))
        .param("createdBy", e.createdBy())
        .param("updated", ts(e.updatedAt()))
        .update();
  }

  /**
   * Replaces every field but the icon; a location change to a once-per-app location already taken
   * raises {@link org.springframework.dao.DuplicateKeyException}.
   */
  public void update(Extension e) {
    jdbc.sql(
            """
            update ext_extension set name = :name, description = :description,
              location = :location, context = :context, action_url = :url, action_type = :type,
              action_body = :body, show_response = :show, one_per_app = :one, updated_at = :updated
            where id = :id
            """)
        .param("id", e.id())
        .param("name", e.name())
        .param("description", e.description())
        .param("location", e.location().name())
        .param("context", e.context() == null ? null : e.context().name())
        .param("url", e.actionUrl())
        .param("type", e.actionType() == null ? null : e.actionType().name())
        .param("body", e.actionBody())
        .param("show", e.showResponse())
        .param("one", e.location().onePerApplication() ? e.location().name() : null)
        .param("updated", ts(e.updatedAt()))
        .update();
  }

  /** Sets or (with {@code null}) removes the icon. */
  public void setIcon(UUID id, @Nullable Icon icon, Instant now) {
    jdbc.sql(
            "update ext_extension set icon_type = :type, icon = :icon, updated_at = :now"
                + " where id = :id")
        .param("id", id)
        .param("type", icon == null ? null : icon.type())
        .param("icon", icon == null ? null : icon.bytes())
        .param("now", ts(now))
        .update();
  }

  public Optional<Icon> icon(UUID id) {
    return jdbc.sql("select icon_type, icon from ext_extension where id = :id and icon is not null")
        .param("id", id)
        .query((rs, n) -> new Icon(rs.getString("icon_type"), rs.getBytes("icon")))
        .optional();
  }

  public boolean delete(UUID id) {
    return jdbc.sql("delete from ext_extension where id = :id").param("id", id).update() > 0;
  }

  private static Extension extension(ResultSet rs, int n) throws SQLException {
    String context = rs.getString("context");
    String type = rs.getString("action_type");
    return new Extension(
        uuid(rs, "id"),
        uuid(rs, "application_id"),
        rs.getString("name"),
        rs.getString("description"),
        ExtensionLocation.valueOf(rs.getString("location")),
        context == null ? null : ExtensionContext.valueOf(context),
        rs.getString("action_url"),
        type == null ? null : ActionType.valueOf(type),
        rs.getString("action_body"),
        rs.getBoolean("show_response"),
        rs.getString("icon_type"),
        instant(rs, "created_at"),
        nullableUuid(rs, "created_by"),
        instant(rs, "updated_at"));
  }

  /** An icon as stored: already checked and, for SVG, sanitized (EXT-6). */
  public record Icon(String type, byte[] bytes) {}
}
