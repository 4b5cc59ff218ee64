package dev.portico.accounts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a request is served (TEN-4): the public stack, or an enterprise's own stack chosen by the
 * {@code Host} header.
 *
 * @param enterpriseId the enterprise whose domain matched, {@code null} for the public stack
 * @param host the host the stack answers on
 */
public record Stack(@Nullable UUID enterpriseId, String host) {

  public boolean isPublic() {
    return enterpriseId == null;
  }

  /** A stable key to store with things bound to a stack (API keys): {@code public} or the id. */
  public String key() {
    return enterpriseId == null ? "public" : enterpriseId.toString();
  }
}
