package dev.portico.accounts.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.modulith.NamedInterface;

/**
 * The operator created at start-up (TEN-5), bound from {@code PORTICO_BOOTSTRAP_OPERATOR_EMAIL},
 * {@code PORTICO_BOOTSTRAP_OPERATOR_PASSWORD} and {@code PORTICO_BOOTSTRAP_OPERATOR_KEY}. The names
 * are fixed by the spec, hence not under {@code portico.accounts}. Exposed as a named interface
 * because the API-keys module creates the operator's bootstrap key from {@link #key()}.
 *
 * @param key the operator's API key as {@code <accessKey>:<secretKey>}, checked and created by the
 *     API-keys module
 */
@ConfigurationProperties("portico.bootstrap.operator")
@NamedInterface("bootstrap")
public record BootstrapSettings(
    @Nullable String email, @Nullable String password, @Nullable String key) {

  /** Leaves the password and the key out: settings end up in logs and actuator output. */
  @Override
  public String toString() {
    return "BootstrapSettings[email=" + email + "]";
  }
}
