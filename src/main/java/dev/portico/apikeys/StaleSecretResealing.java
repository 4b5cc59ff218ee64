package dev.portico.apikeys;

import dev.portico.system.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Completes an encryption-key rotation at start-up: secrets sealed with a key other than {@code
 * portico.apikeys.active-key} are re-encrypted with it, so the old key can be removed once every
 * node has restarted. Logs only how many.
 */
@Component
@Order(16)
class StaleSecretResealing implements StartupTask {

  private static final Logger log = LoggerFactory.getLogger(StaleSecretResealing.class);

  private final ApiKeyManagement management;

  StaleSecretResealing(ApiKeyManagement management) {
    this.management = management;
  }

  @Override
  public void run() {
    int count = management.resealStale();
    if (count > 0) {
      log.info("Re-encrypted {} API-key secret(s) with the active encryption key", count);
    }
  }
}
