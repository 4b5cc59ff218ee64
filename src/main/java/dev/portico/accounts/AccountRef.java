package dev.portico.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The {@code {accountId}} of a REST path (SPEC §13): an account id, or {@code me} for the caller's
 * personal account. Spring converts path values with {@link #valueOf(String)}; anything else is a
 * 400, like a malformed UUID. {@link AccountAccess#resolve} turns it into an id.
 *
 * @param id the account id, {@code null} for {@code me}
 */
@Schema(
    type = "string",
    description = "An account id (UUID), or `me` for the caller's personal account.",
    example = "me")
public record AccountRef(@Nullable UUID id) {

  /** The caller's personal account. */
  public static final AccountRef ME = new AccountRef(null);

  /**
   * Parses {@code me} (any case) or a UUID.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static AccountRef valueOf(String value) {
    String v = value.strip();
    if ("me".equals(v.toLowerCase(Locale.ROOT))) {
      return ME;
    }
    return new AccountRef(UUID.fromString(v));
  }

  public boolean isMe() {
    return id == null;
  }

  @Override
  public String toString() {
    return id == null ? "me" : id.toString();
  }
}
