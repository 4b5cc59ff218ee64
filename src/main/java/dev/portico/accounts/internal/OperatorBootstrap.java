package dev.portico.accounts.internal;

import dev.portico.accounts.License;
import dev.portico.accounts.NewUser;
import dev.portico.accounts.Plan;
import dev.portico.accounts.UserManagement;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap operator when its email and password are configured and no user has that
 * email yet (TEN-5); idempotent, and runs before demo data so both can name the same operator.
 * Several nodes may start at once: the one that loses the race finds the operator created.
 */
@Component
@Order(10)
class OperatorBootstrap implements StartupTask {

  private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

  private final BootstrapSettings settings;
  private final UserManagement users;

  OperatorBootstrap(BootstrapSettings settings, UserManagement users) {
    this.settings = settings;
    this.users = users;
  }

  @Override
  public void run() {
    String email = settings.email();
    String password = settings.password();
    if (email == null || email.isBlank() || password == null || password.isBlank()) {
      return;
    }
    if (users.userByEmail(email).isPresent()) {
      return;
    }
    try {
      users.createIndividual(
          Actor.SYSTEM,
          new NewUser(email, "Operator", null, License.FULL, password),
          Plan.FREE,
          true);
      log.info("Bootstrap operator {} created", email);
    } catch (InvalidInput | DuplicateKeyException e) {
      // Another node starting at the same moment created the operator first: that is success.
      if (users.userByEmail(email).isPresent()) {
        log.info("Bootstrap operator {} was created by another node", email);
        return;
      }
      throw new IllegalStateException(
          "PORTICO_BOOTSTRAP_OPERATOR_* is invalid: " + e.getMessage(), e);
    }
  }
}
