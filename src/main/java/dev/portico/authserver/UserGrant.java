package dev.portico.authserver;

import dev.portico.accounts.Scope;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one user granted one application (OAU-5): every live authorization of that user and app
 * taken together (each authorize round makes one).
 *
 * @param scopes the union of the live authorizations' authorized scopes, in OAU-4 order
 * @param grantedAt when the earliest live authorization was issued (its code, else its first token)
 * @param lastTokenAt when the app last received an access token for the user (a code exchange or a
 *     refresh); {@code null} while only a code was issued
 * @param authorizations how many live authorizations (token families) the grant holds
 */
public record UserGrant(
    GrantableApplication application,
    Set<Scope> scopes,
    Instant grantedAt,
    @Nullable Instant lastTokenAt,
    int authorizations) {

  public UserGrant {
    scopes = scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
  }
}
