package dev.portico.applications.web;

import java.util.List;

/**
 * A column of the OAuth applications table (APP-7); {@code sortable} ones link to themselves with
 * another order.
 *
 * @param key the column's name in the {@code sort} parameter (see {@code ApplicationOrder})
 */
public record ApplicationColumn(String key, String label, boolean sortable) {

  /** Every column, in order. */
  static final List<ApplicationColumn> ALL =
      List.of(
          new ApplicationColumn("name", "Name", true),
          new ApplicationColumn("type", "Type", true),
          new ApplicationColumn("clientId", "Client id", true),
          new ApplicationColumn("scopes", "Permissions", false),
          new ApplicationColumn("created", "Created", true),
          new ApplicationColumn("owner", "Owner", false));
}
