package dev.portico.accounts.web;

import dev.portico.accounts.Actors;
import dev.portico.accounts.ConsoleUser;
import dev.portico.accounts.User;
import dev.portico.accounts.internal.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Loads the signed-in user fresh from the database for every console request, so a suspended user's
 * open sessions end on their next click and role changes apply at once.
 */
class SignedInUserInterceptor implements HandlerInterceptor {

  static final String ATTRIBUTE = "portico.signedInUser";

  private final Users users;

  SignedInUserInterceptor(Users users) {
    this.users = users;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    ConsoleUser principal = Actors.currentConsoleUser();
    if (principal == null) {
      return true;
    }
    Optional<User> user = users.find(principal.userId()).filter(User::isActive);
    if (user.isEmpty()) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + "/login?suspended");
      return false;
    }
    request.setAttribute(ATTRIBUTE, user.get());
    return true;
  }
}
