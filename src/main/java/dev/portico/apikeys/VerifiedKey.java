package dev.portico.apikeys;

import dev.portico.accounts.Role;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API key whose signature or secret has just been verified, as the gateway needs it: the user it
 * acts for and their state, never any secret material (the secret stays inside this module).
 *
 * @param accountId the account that owns the key and pays for its calls
 * @param email, name, light, role, companyId, companyName a snapshot of the key's user, refreshed
 *     whenever the change feed reports a change to the user, the key or the account
 * @param operator whether the key carries operator powers: only a key of the operator's own
 *     personal account does (KEY-3), never a key of a company, whoever its user is
 * @param scopeBits the key's scopes as the OAU-4 bitmask
 * @param stackKey the stack the key works on ({@code Stack.key()}), {@code any} only for operator
 *     keys (KEY-4)
 * @param usable whether its user is active and still belongs to the key's account (KEY-3)
 */
public record VerifiedKey(
    UUID keyId,
    String accessKey,
    UUID accountId,
    UUID userId,
    String email,
    String name,
    boolean light,
    @Nullable Role role,
    @Nullable UUID companyId,
    @Nullable String companyName,
    boolean operator,
    int scopeBits,
    String stackKey,
    boolean usable) {

  /** The stack key of keys that work on every stack: the operator's own keys (KEY-4). */
  public static final String ANY_STACK = "any";

  /** Whether the key works on the stack with this {@code Stack.key()}. */
  public boolean worksOn(String stack) {
    return ANY_STACK.equals(stackKey) || stackKey.equals(stack);
  }
}
