package dev.portico.apikeys.web;

import java.util.List;

/**
 * A column of the API-keys table; {@code sortable} ones link to themselves with another order.
 *
 * @param key the column's name in the {@code sort} parameter (see {@code ApiKeyOrder})
 */
public record ApiKeyColumn(String key, String label, boolean sortable) {

  /** Every column, in order: the company's table shows them all. */
  static final List<ApiKeyColumn> ALL =
      List.of(
          new ApiKeyColumn("name", "Name", true),
          new ApiKeyColumn("accessKey", "Access key", true),
          new ApiKeyColumn("user", "User", true),
          new ApiKeyColumn("scopes", "Scopes", false),
          new ApiKeyColumn("created", "Created", true),
          new ApiKeyColumn("lastUsed", "Last used", true));

  /** The personal table: every key acts for its owner, so no user column. */
  static final List<ApiKeyColumn> PERSONAL =
      ALL.stream().filter(c -> !"user".equals(c.key())).toList();
}
