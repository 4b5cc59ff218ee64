package dev.portico.authserver;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An application as My account → Applications shows it (OAU-5): its name, its owner's name, its
 * summary and the OAuth URL its Grant button opens.
 *
 * @param ownerName the owning account's name; empty when the app no longer exists
 * @param oauthUrl where the app starts its OAuth flow, if it set one (APP-1)
 */
public record GrantableApplication(
    UUID id, String name, String ownerName, String summary, @Nullable String oauthUrl) {

  /** A grant whose application was deleted between two reads: it is named as such. */
  static GrantableApplication deleted(UUID id) {
    return new GrantableApplication(id, "Deleted application", "", "", null);
  }
}
