package dev.portico.accounts.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator created at start-up (TEN-5), bound from {@code PORTICO_BOOTSTRAP_OPERATOR_EMAIL} and
 * {@code PORTICO_BOOTSTRAP_OPERATOR_PASSWORD}. The names are fixed by the spec, hence not under
 * {@code portico.accounts}. Internal to this module: the API-keys module binds the email and {@code
 * PORTICO_BOOTSTRAP_OPERATOR_KEY} itself and never sees the password.
 */
@ConfigurationProperties("portico.bootstrap.operator")
public record BootstrapSettings(@Nullable String email, @Nullable String password) {

  /** Leaves the password out: settings end up in logs and actuator output. */
  @Override
  public String toString() {
    return "BootstrapSettings[email=" + email + "]";
  }
}
