package dev.portico.apikeys;

import dev.portico.apikeys.internal.ApiKeys;
import dev.portico.system.DeveloperFacts;
import dev.portico.system.DeveloperFacts.Contribution;
import dev.portico.system.DeveloperFacts.Count;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The API keys module's answer on the Developer page (DEV-1): how many keys the account holds, read
 * from the kept count, so a company with a million keys costs one row.
 */
@Component
@Transactional(readOnly = true)
class ApiKeyDeveloperFacts implements DeveloperFacts {

  private final ApiKeys keys;

  ApiKeyDeveloperFacts(ApiKeys keys) {
    Assert.notNull(keys, "keys cannot be null");
    this.keys = keys;
  }

  @Override
  public Contribution about(DeveloperAccount account) {
    return Contribution.none().withCount(Count.API_KEYS, keys.counted(account.id()));
  }
}
