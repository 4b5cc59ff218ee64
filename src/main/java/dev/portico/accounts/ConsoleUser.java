package dev.portico.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The principal of a console session: only the user's id and email. Roles and state are read fresh
 * from the database on every request (see {@link AccountAccess}), never trusted from the session.
 * Its {@linkplain #getName() name} is the user id: that is what Spring Session indexes sessions by
 * ({@code spring_session.principal_name}), so all sessions of a user can be found and ended.
 */
public record ConsoleUser(UUID userId, String email)
    implements Serializable, AuthenticatedPrincipal {

  @Serial private static final long serialVersionUID = 1L;

  /** The session index name of this user's sessions: the user id. */
  public static String sessionIndexName(UUID userId) {
    return userId.toString();
  }

  @Override
  public String getName() {
    return sessionIndexName(userId);
  }
}
