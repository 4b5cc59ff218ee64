package dev.portico.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Small JDBC helpers that behave the same on H2 and PostgreSQL. */
public final class Sql {

  private Sql() {}

  /** A timestamp parameter both drivers accept. */
  public static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    if (value == null) {
      throw new SQLException("column " + column + " is null");
    }
    return value.toInstant();
  }

  public static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static UUID uuid(ResultSet rs, String column) throws SQLException {
    UUID value = rs.getObject(column, UUID.class);
    if (value == null) {
      throw new SQLException("column " + column + " is null");
    }
    return value;
  }

  public static @Nullable UUID nullableUuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  /**
   * A {@code LIKE} pattern that matches the text anywhere, case-insensitively, with {@code \}
   * escape. NUL characters are dropped: no stored text holds one, and PostgreSQL refuses them in a
   * parameter (a search text holding one was a 500).
   */
  public static String containsPattern(String text) {
    String escaped =
        text.replace("\u0000", "")
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
