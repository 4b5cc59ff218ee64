package dev.portico.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated caller of an {@code /api/**} request (API-1), whatever credential it came with:
 * the user it acts for, the account its calls count to, the stack, its scopes, and the API key or
 * OAuth client it came through; the user's details are a snapshot at most a few seconds old. REST
 * controllers of every module read it without importing the gateway.
 *
 * @param userId the user the credential acts for
 * @param email that user's email
 * @param name that user's display name
 * @param light whether that user has a light license
 * @param role that user's role in their company, if any
 * @param accountId the account its calls are charged to (USE-3): the key's owner account for API
 *     keys, the application's owner account for OAuth tokens
 * @param companyId the user's company at authentication time, if any
 * @param companyName that company's name
 * @param scopeBits the credential's scopes as the OAU-4 bitmask
 * @param operator whether the user is the platform operator
 * @param credential how the caller authenticated
 * @param keyId the API key, for key credentials
 * @param clientId the OAuth client id, for Bearer tokens
 * @param applicationId the application, for Bearer tokens
 */
public record ApiCaller(
    UUID userId,
    String email,
    String name,
    boolean light,
    @Nullable Role role,
    UUID accountId,
    @Nullable UUID companyId,
    @Nullable String companyName,
    int scopeBits,
    boolean operator,
    Credential credential,
    @Nullable UUID keyId,
    @Nullable String clientId,
    @Nullable UUID applicationId)
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
