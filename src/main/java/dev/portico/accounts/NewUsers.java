package dev.portico.accounts;

import dev.portico.accounts.internal.Accounts;
import dev.portico.accounts.internal.Users;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The insertion of new users, shared by {@link UserManagement} (Add user, individuals) and {@link
 * AccountManagement} (an account's first user): each in the caller's transaction, each announcing
 * {@link UserAdded}.
 */
@Component
class NewUsers {

  private final Accounts accounts;
  private final Users users;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  NewUsers(
      Accounts accounts,
      Users users,
      PasswordEncoder passwords,
      ApplicationEventPublisher events,
      Clock clock) {
    this.accounts = accounts;
    this.users = users;
    this.passwords = passwords;
    this.events = events;
    this.clock = clock;
  }

  /** Creates a new user (with their personal account) as a member of the company. */
  User insertMember(Actor actor, NewUser spec, UUID companyId, Role role) {
    checkEmailFree(spec.email(), "email");
    Account personal = Account.personal(spec.name(), Plan.FREE, clock.instant());
    accounts.insert(personal);
    User user =
        User.create(
                spec.email(),
                spec.name(),
                spec.requiredLicense(),
                false,
                personal.id(),
                clock.instant())
            .joining(companyId, role, spec.requiredLicense());
    users.insert(user, encode(spec.password()));
    events.publishEvent(
        new UserAdded(
            actor,
            companyId,
            user.id(),
            user.email(),
            Map.of("role", role.name(), "license", spec.requiredLicense().name())));
    return user;
  }

  /** Creates the owner of a personal account that was just inserted. */
  User insertIndividual(Actor actor, NewUser spec, Account personal, boolean operator) {
    User user =
        User.create(
            spec.email(),
            spec.name(),
            spec.requiredLicense(),
            operator,
            personal.id(),
            clock.instant());
    users.insert(user, encode(spec.password()));
    events.publishEvent(
        new UserAdded(
            actor,
            personal.id(),
            user.id(),
            user.email(),
            operator ? Map.of("operator", "true") : Map.of()));
    return user;
  }

  void checkEmailFree(String email, String field) {
    if (users.findByEmail(email).isPresent()) {
      throw InvalidInput.of(field, "is already registered");
    }
  }

  private @Nullable String encode(@Nullable String password) {
    return password == null || password.isEmpty() ? null : passwords.encode(password);
  }
}
