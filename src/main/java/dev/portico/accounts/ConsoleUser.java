package dev.portico.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

/**
 * The principal of a console session: only the user's id and email. Roles and state are read fresh
 * from the database on every request (see {@link AccountAccess}), never trusted from the session.
 */
public record ConsoleUser(UUID userId, String email) implements Serializable {

  @Serial private static final long serialVersionUID = 1L;
}
