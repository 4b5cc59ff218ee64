package dev.portico.accounts.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where a sign-in continues: the console page an anonymous request asked for, carried in the {@code
 * continue} parameter of {@code /login} instead of a saved request in a session. Only a relative
 * path on this site passes, so the parameter can never send a user to another site.
 */
public final class SignInTarget {

  /** The request parameter that carries the target. */
  public static final String PARAMETER = "continue";

  private static final int MAX_LENGTH = 2000;

  private SignInTarget() {}

  /**
   * The target if it is a relative path on this site ({@code /accounts/…?tab=x}), else {@code
   * null}: no scheme, no authority ({@code //host}, {@code /\host}), no backslash, no control or
   * space characters, not the sign-in or sign-out page itself.
   */
  public static @Nullable String safe(@Nullable String target) {
    if (target == null || target.length() < 2 || target.length() > MAX_LENGTH) {
      return null;
    }
    if (target.charAt(0) != '/' || target.charAt(1) == '/' || target.indexOf('\\') >= 0) {
      return null;
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return null;
      }
    }
    String path = target.split("[?#]", 2)[0];
    if (path.equals("/login") || path.equals("/logout") || path.startsWith("/api/")) {
      return null;
    }
    return target;
  }
}
