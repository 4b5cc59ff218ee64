package dev.portico.accounts.internal;

import dev.portico.accounts.ConsoleUser;
import dev.portico.accounts.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Console sign-in with email and password (slow hash), throttled per email across nodes. Unknown
 * emails cost the same hash as known ones and answer the same message.
 */
@Component
class ConsoleAuthenticationProvider implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(ConsoleAuthenticationProvider.class);

  private final Users users;
  private final LoginFailures failures;
  private final PasswordEncoder passwords;
  private final String dummyHash;

  ConsoleAuthenticationProvider(Users users, LoginFailures failures, PasswordEncoder passwords) {
    this.users = users;
    this.failures = failures;
    this.passwords = passwords;
    this.dummyHash = String.valueOf(passwords.encode("portico-timing-equalizer"));
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String email = String.valueOf(authentication.getName());
    String password = String.valueOf(authentication.getCredentials());
    String key = Users.emailKey(email);
    if (key.isEmpty() || key.length() > 254) {
      throw new BadCredentialsException("Wrong email or password.");
    }
    Optional<Instant> locked = failures.lockedUntil(key);
    if (locked.isPresent()) {
      long minutes = Math.max(1, Duration.between(Instant.now(), locked.get()).toMinutes() + 1);
      throw new LockedException(
          "Too many failed sign-ins. Try again in " + minutes + " minute(s).");
    }
    Optional<String> hash = users.passwordHash(key);
    boolean matches = passwords.matches(password, hash.orElse(dummyHash)) && hash.isPresent();
    if (!matches) {
      failures.recordFailure(key);
      log.warn("Failed console sign-in");
      throw new BadCredentialsException("Wrong email or password.");
    }
    User user =
        users
            .findByEmail(key)
            .orElseThrow(() -> new BadCredentialsException("Wrong email or password."));
    if (!user.isActive()) {
      throw new DisabledException("This user is suspended. Ask an admin of your company.");
    }
    failures.clear(key);
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
}
