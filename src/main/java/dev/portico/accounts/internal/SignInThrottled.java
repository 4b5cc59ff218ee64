package dev.portico.accounts.internal;

import java.io.Serial;
import org.springframework.security.authentication.LockedException;

/** A sign-in refused before its password was checked: too many attempts in the window. */
final class SignInThrottled extends LockedException {

  @Serial private static final long serialVersionUID = 1L;

  private final int minutesLeft;

  SignInThrottled(int minutesLeft) {
    super("Too many failed sign-ins. Try again in " + minutesLeft + " minute(s).");
    this.minutesLeft = minutesLeft;
  }

  int minutesLeft() {
    return minutesLeft;
  }
}
