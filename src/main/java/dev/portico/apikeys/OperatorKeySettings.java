package dev.portico.apikeys;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bootstrap operator's API key (TEN-5), bound from {@code PORTICO_BOOTSTRAP_OPERATOR_EMAIL} and
 * {@code PORTICO_BOOTSTRAP_OPERATOR_KEY}: the names the spec fixes, shared with the accounts
 * module's own settings of the operator (which alone read the password). Each module binds only
 * what it needs, so no module is handed another's secret.
 *
 * @param email the operator the key is created for
 * @param key the key as {@code <accessKey>:<secretKey>}, checked by {@link BootstrapKey}
 */
@ConfigurationProperties("portico.bootstrap.operator")
record OperatorKeySettings(@Nullable String email, @Nullable String key) {

  /** Leaves the key out: settings end up in logs and actuator output. */
  @Override
  public String toString() {
    return "OperatorKeySettings[email=" + email + "]";
  }
}
