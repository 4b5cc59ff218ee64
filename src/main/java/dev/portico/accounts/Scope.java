package dev.portico.accounts;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The six permissions an OAuth application or an API key may hold (OAU-4), with the bit values of
 * {@code oauth2Scopes} and the words shown on the grant screen.
 */
public enum Scope {
  OAuth2ReadPII(1, "Application can read your profile information"),
  OAuth2Read(2, "Application can read your documents"),
  OAuth2Write(4, "Application can write to your documents"),
  OAuth2Delete(8, "Application can delete your documents and workspaces"),
  OAuth2Purchase(16, "Application can request purchases on your behalf"),
  OAuth2Share(32, "Application can share and unshare documents on your behalf");

  /** Every scope: what the operator's bootstrap key holds. */
  public static final int ALL_BITS = 63;

  private final int bit;
  private final String description;

  Scope(int bit, String description) {
    this.bit = bit;
    this.description = description;
  }

  public int bit() {
    return bit;
  }

  public String description() {
    return description;
  }

  /** The bitmask of a set of scopes. */
  public static int bits(Collection<Scope> scopes) {
    int bits = 0;
    for (Scope s : scopes) {
      bits |= s.bit;
    }
    return bits;
  }

  /** The scopes of a bitmask, in declaration order. */
  public static Set<Scope> of(int bits) {
    EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (Scope s : values()) {
      if ((bits & s.bit) != 0) {
        scopes.add(s);
      }
    }
    return scopes;
  }

  /** A scope by its wire name, case-insensitively ({@code oauth2read} is {@link #OAuth2Read}). */
  public static Optional<Scope> parse(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (Scope s : values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
