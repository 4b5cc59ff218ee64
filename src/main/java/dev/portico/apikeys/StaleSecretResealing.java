package dev.portico.apikeys;

import dev.portico.apikeys.internal.ApiKeys;
import dev.portico.system.SecretCipher;
import dev.portico.system.StartupTask;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last step of an encryption-key rotation, only when asked for ({@code
 * portico.apikeys.reseal-on-start=true}): secrets sealed with another configured key than {@code
 * portico.apikeys.active-key} are re-encrypted with it, in batches, so the old key can be removed
 * afterwards. It is never automatic because a node restarted with a new active key cannot know
 * whether every other node already knows that key; re-encrypting before they do would leave them
 * unable to open any secret. Without the setting it only says how many secrets still use another
 * key. Logs counts only.
 */
@Component
@Order(16)
class StaleSecretResealing implements StartupTask {

  private static final Logger log = LoggerFactory.getLogger(StaleSecretResealing.class);
  private static final int BATCH = 500;

  private final ApiKeys keys;
  private final SecretCipher cipher;
  private final ApiKeysSettings settings;
  private final TransactionTemplate transactions;

  StaleSecretResealing(
      ApiKeys keys,
      SecretCipher cipher,
      ApiKeysSettings settings,
      TransactionTemplate transactions) {
    this.keys = keys;
    this.cipher = cipher;
    this.settings = settings;
    this.transactions = transactions;
  }

  @Override
  public void run() {
    if (settings.resealOnStart()) {
      int count = resealAll();
      log.info("Re-encrypted {} API-key secret(s) with the active encryption key", count);
    }
    long stale = keys.countSealedWithOtherThan(cipher.activeId());
    if (stale > 0) {
      log.info(
          "{} API-key secret(s) are sealed with another encryption key than the active '{}'."
              + " Keep that key configured on every node; see docs/apikeys.md (rotation).",
          stale,
          cipher.activeId());
    }
  }

  /**
   * Re-encrypts every secret sealed with a retired (configured, not active) key; returns how many.
   */
  int resealAll() {
    int count = 0;
    for (String retired : cipher.retiredIds()) {
      UUID after = null;
      List<ApiKeys.Sealed> batch;
      do {
        batch = keys.sealedWith(retired, after, BATCH);
        count += resealBatch(batch);
        after = batch.isEmpty() ? after : batch.get(batch.size() - 1).key().id();
      } while (batch.size() == BATCH);
    }
    return count;
  }

  private int resealBatch(List<ApiKeys.Sealed> batch) {
    @Nullable Integer done =
        transactions.execute(
            status -> {
              int count = 0;
              for (ApiKeys.Sealed row : batch) {
                String accessKey = row.key().accessKey();
                String secret;
                try {
                  secret = cipher.open(row.sealedSecret(), accessKey);
                } catch (IllegalStateException e) {
                  log.error("The secret of API key {} cannot be opened; left as it is", accessKey);
                  continue;
                }
                if (keys.reseal(
                    row.key().id(), row.sealedSecret(), cipher.seal(secret, accessKey))) {
                  count++;
                }
              }
              return count;
            });
    return done == null ? 0 : done;
  }
}
