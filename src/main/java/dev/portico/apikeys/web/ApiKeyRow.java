package dev.portico.apikeys.web;

import dev.portico.accounts.Scope;
import dev.portico.apikeys.ApiKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A line of the API-keys table: the key and the user it acts for, as far as that user is known.
 *
 * @param userName the user's name, empty if the user no longer exists
 * @param userEmail the user's email, empty if the user no longer exists
 * @param userNote why the key does not work although it exists ({@code suspended}, {@code left the
 *     company}), empty when its user is fine (KEY-3)
 */
public record ApiKeyRow(ApiKey key, String userName, String userEmail, String userNote) {

  /** The sortable columns, by the name used in the {@code sort} parameter. */
  static final Map<String, Comparator<ApiKeyRow>> SORTS =
      Map.of(
          "name",
          Comparator.comparing((ApiKeyRow r) -> r.key().name(), String.CASE_INSENSITIVE_ORDER),
          "accessKey",
          Comparator.comparing((ApiKeyRow r) -> r.key().accessKey()),
          "user",
          Comparator.comparing(ApiKeyRow::userName, String.CASE_INSENSITIVE_ORDER)
              .thenComparing(ApiKeyRow::userEmail),
          "created",
          Comparator.comparing((ApiKeyRow r) -> r.key().createdAt()),
          "lastUsed",
          Comparator.comparing(
              (ApiKeyRow r) -> r.key().lastUsedAt(),
              Comparator.nullsFirst(Comparator.<Instant>naturalOrder())));

  /** The key's scopes in their usual order, for display. */
  public List<Scope> scopes() {
    return key.scopes().stream().sorted().toList();
  }
}
