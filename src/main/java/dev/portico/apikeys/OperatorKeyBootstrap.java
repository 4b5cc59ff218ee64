package dev.portico.apikeys;

import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.system.Actor;
import dev.portico.system.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Creates the bootstrap operator's API key from {@code PORTICO_BOOTSTRAP_OPERATOR_KEY} when that
 * access key was never created before (TEN-5), with every scope, working on every stack. Runs after
 * the operator itself is bootstrapped (order 10); idempotent, and a bootstrap key deleted since is
 * not created again. A malformed value stops start-up.
 */
@Component
@Order(15)
class OperatorKeyBootstrap implements StartupTask {

  static final String KEY_NAME = "Bootstrap operator key";

  private static final Logger log = LoggerFactory.getLogger(OperatorKeyBootstrap.class);

  private final OperatorKeySettings settings;
  private final UserManagement users;
  private final ApiKeyManagement management;

  OperatorKeyBootstrap(
      OperatorKeySettings settings, UserManagement users, ApiKeyManagement management) {
    Assert.notNull(settings, "settings cannot be null");
    Assert.notNull(users, "users cannot be null");
    Assert.notNull(management, "management cannot be null");
    this.settings = settings;
    this.users = users;
    this.management = management;
  }

  @Override
  public void run() {
    String value = settings.key();
    if (value == null || value.isBlank()) {
      return;
    }
    BootstrapKey key = parse(value);
    User operator = operator();
    if (management.createIfAbsent(
        Actor.SYSTEM, operator, KEY_NAME, key.accessKey(), key.secretKey())) {
      log.info("Bootstrap operator API key {} created for {}", key.accessKey(), operator.email());
    }
  }

  private static BootstrapKey parse(String value) {
    try {
      return BootstrapKey.parse(value);
    } catch (IllegalArgumentException e) {
      // Not chained: the cause adds nothing, and the message never contains the value.
      throw new IllegalStateException(
          "PORTICO_BOOTSTRAP_OPERATOR_KEY is invalid: " + e.getMessage());
    }
  }

  private User operator() {
    String email = settings.email();
    if (email == null || email.isBlank()) {
      throw new IllegalStateException(
          "PORTICO_BOOTSTRAP_OPERATOR_KEY is set but PORTICO_BOOTSTRAP_OPERATOR_EMAIL is not:"
              + " the key is created for that operator");
    }
    User user =
        users
            .userByEmail(email)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "PORTICO_BOOTSTRAP_OPERATOR_KEY is set but no user has the email "
                            + email
                            + ": set PORTICO_BOOTSTRAP_OPERATOR_PASSWORD too so that the operator"
                            + " is created"));
    if (!user.operator()) {
      throw new IllegalStateException(
          "PORTICO_BOOTSTRAP_OPERATOR_KEY is set but " + email + " is not an operator");
    }
    return user;
  }
}
