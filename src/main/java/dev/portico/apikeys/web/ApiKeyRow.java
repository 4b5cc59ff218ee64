package dev.portico.apikeys.web;

import dev.portico.accounts.Scope;
import dev.portico.apikeys.ApiKey;
import java.util.List;

/**
 * A line of the API-keys table: the key and the user it acts for, as far as that user is known.
 *
 * @param userName the user's name, empty if the user no longer exists
 * @param userEmail the user's email, empty if the user no longer exists
 * @param userNote why the key does not work although it exists ({@code suspended}, {@code left the
 *     company}), empty when its user is fine (KEY-3)
 */
public record ApiKeyRow(ApiKey key, String userName, String userEmail, String userNote) {

  /** The key's scopes in their usual order, for display. */
  public List<Scope> scopes() {
    return key.scopes().stream().sorted().toList();
  }
}
