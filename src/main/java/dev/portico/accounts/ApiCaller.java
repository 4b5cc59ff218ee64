package dev.portico.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated caller of an {@code /api/**} request (API-1), whatever credential it came with:
 * the user it acts for, the account its calls count to, the stack, its scopes, and the API key or
 * OAuth client it came through. REST controllers of every module read it without importing the
 * gateway.
 *
 * @param userId the user the credential acts for
 * @param email that user's email
 * @param accountId the account that owns the credential and pays for its calls (USE-3)
 * @param companyId the user's company at authentication time, if any
 * @param scopeBits the credential's scopes as the OAU-4 bitmask
 * @param operator whether the user is the platform operator
 * @param credential how the caller authenticated
 * @param keyId the API key, for key credentials
 * @param clientId the OAuth client id, for Bearer tokens
 */
public record ApiCaller(
    UUID userId,
    String email,
    UUID accountId,
    @Nullable UUID companyId,
    int scopeBits,
    boolean operator,
    Credential credential,
    @Nullable UUID keyId,
    @Nullable String clientId)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public boolean has(Scope scope) {
    return (scopeBits & scope.bit()) != 0;
  }

  /** The kinds of API credential (API-1, KEY-5, KEY-6). */
  public enum Credential {
    SIGNED_KEY,
    BASIC_KEY,
    BEARER
  }
}
