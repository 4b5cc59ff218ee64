package dev.portico.accounts;

import dev.portico.system.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Builds the {@link Actor} of the current request from the signed-in user and the client address.
 */
public final class Actors {

  private Actors() {}

  /** The actor of a console request made by this user. */
  public static Actor of(User user, HttpServletRequest request) {
    return new Actor(user.id(), user.email(), user.operator(), request.getRemoteAddr());
  }

  /** The actor of an API request made with this caller's credential. */
  public static Actor of(ApiCaller caller, HttpServletRequest request) {
    return new Actor(caller.userId(), caller.email(), caller.operator(), request.getRemoteAddr());
  }

  /** The signed-in console user of the current thread, or {@code null}. */
  public static @org.jspecify.annotations.Nullable ConsoleUser currentConsoleUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ConsoleUser user) {
      return user;
    }
    return null;
  }
}
