package dev.portico.accounts.internal;

import dev.portico.accounts.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A user's console sessions in the shared session store (Spring Session JDBC, indexed by {@link
 * ConsoleUser#getName() user id}), so that one of them can end all the others on every node.
 */
@Component
public class ConsoleSessions {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  ConsoleSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  /**
   * Ends every session of this user except the one of this request, which stays signed in under a
   * new id (whoever learnt the old id learnt nothing useful). After a password change: whoever
   * signed in with the old password is signed out on their next request.
   */
  public void endOtherSessions(UUID userId, HttpServletRequest request) {
    HttpSession current = request.getSession(false);
    String keep = current == null ? null : current.getId();
    sessions
        .findByPrincipalName(ConsoleUser.sessionIndexName(userId))
        .keySet()
        .forEach(
            id -> {
              if (!id.equals(keep)) {
                sessions.deleteById(id);
              }
            });
    if (current != null) {
      request.changeSessionId(); // Spring Session renames the stored row when the request ends
    }
  }
}
