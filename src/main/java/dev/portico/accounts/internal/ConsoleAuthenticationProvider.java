package dev.portico.accounts.internal;

import dev.portico.accounts.ConsoleUser;
import dev.portico.accounts.Stack;
import dev.portico.accounts.StackResolver;
import dev.portico.accounts.User;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Console sign-in with email and password (slow hash), in this order:
 *
 * <ol>
 *   <li>reserve the attempt ({@link LoginFailures}: per email × source address, and per email);
 *       beyond the limit the password is not even checked;
 *   <li>load the user and check the password against its hash, or against a dummy hash for an
 *       unknown email, so every email costs the same;
 *   <li>refuse, with the one message of wrong credentials, a wrong password, an unknown email, a
 *       suspended user and a user who may not use this stack (on an enterprise's stack only its
 *       members and the operator may sign in, TEN-4): each counts as a failure, and none tells
 *       whether the password was right;
 *   <li>release the reservation of the attempt that signed in.
 * </ol>
 */
@Component
class ConsoleAuthenticationProvider implements AuthenticationProvider {

  static final String WRONG_CREDENTIALS = "Wrong email or password.";

  private static final Logger log = LoggerFactory.getLogger(ConsoleAuthenticationProvider.class);

  private final Users users;
  private final LoginFailures failures;
  private final PasswordEncoder passwords;
  private final StackResolver stacks;
  private final Clock clock;
  private final String dummyHash;

  ConsoleAuthenticationProvider(
      Users users,
      LoginFailures failures,
      PasswordEncoder passwords,
      StackResolver stacks,
      Clock clock) {
    this.users = users;
    this.failures = failures;
    this.passwords = passwords;
    this.stacks = stacks;
    this.clock = clock;
    this.dummyHash = String.valueOf(passwords.encode("portico-timing-equalizer"));
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String email = String.valueOf(authentication.getName());
    String password = String.valueOf(authentication.getCredentials());
    String key = Users.emailKey(email);
    if (key.isEmpty() || key.length() > 254) {
      throw new BadCredentialsException(WRONG_CREDENTIALS);
    }
    ConsoleSignInDetails details = details(authentication);
    LoginFailures.Attempt attempt = failures.reserve(key, details.sourceAddress());
    if (!attempt.allowed()) {
      throw new SignInThrottled(attempt.minutesLeft(clock.instant()));
    }
    Optional<User> found = users.findByEmail(key);
    Optional<String> hash = users.passwordHash(key);
    boolean matches = passwords.matches(password, hash.orElse(dummyHash)) && hash.isPresent();
    Stack stack = stacks.resolve(details.host());
    User user = found.filter(u -> matches && u.isActive() && maySignInOn(u, stack)).orElse(null);
    if (user == null) {
      log.warn("Failed console sign-in");
      throw new BadCredentialsException(WRONG_CREDENTIALS);
    }
    failures.succeeded(key, details.sourceAddress());
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
    if (user.operator()) {
      authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    }
    return UsernamePasswordAuthenticationToken.authenticated(
        new ConsoleUser(user.id(), user.email()), null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** TEN-4 as amended: an enterprise's stack is for its members and the operator only. */
  private static boolean maySignInOn(User user, Stack stack) {
    return stack.isPublic()
        || user.operator()
        || Objects.equals(stack.enterpriseId(), user.companyId());
  }

  private static ConsoleSignInDetails details(Authentication authentication) {
    @Nullable Object details = authentication.getDetails();
    return details instanceof ConsoleSignInDetails d ? d : new ConsoleSignInDetails("", null);
  }
}
