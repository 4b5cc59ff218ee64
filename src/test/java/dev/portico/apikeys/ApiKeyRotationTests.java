package dev.portico.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.portico.accounts.Scope;
import dev.portico.apikeys.internal.ApiKeys;
import dev.portico.system.SecretCipher;
import dev.portico.system.TestSecretCiphers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating the encryption key with nodes restarted one at a time: a node restarted with a new
 * active key re-encrypts nothing by itself (the others may not know that key yet); only when asked
 * to are secrets sealed with a retired key re-sealed with the active one.
 */
class ApiKeyRotationTests {

  private static final String SECRET = "Secret0123456789abcdefghijklmnopqrstuvwxyzABCD";

  private final String oldKey = TestSecretCiphers.newKey();
  private final String newKey = TestSecretCiphers.newKey();
  private final ApiKeys keys = mock(ApiKeys.class);
  private final SecretCipher rotating =
      TestSecretCiphers.of(Map.of("old", oldKey, "new", newKey), "new");

  @Test
  void startWithNewActiveKeyThenNothingIsResealedUnlessAskedFor() {
    ApiKey stale = key("StaleAccessKey000000001");
    when(keys.sealedWith(eq("old"), any(), anyInt()))
        .thenReturn(List.of(new ApiKeys.Sealed(stale, sealedWithOld(stale))));

    resealing(false).run();

    verify(keys, never()).sealedWith(any(), any(), anyInt());
    verify(keys, never()).reseal(any(), any(), any());
  }

  @Test
  void resealOnStartThenSecretsOfRetiredKeysAreResealedWithTheActiveKey() {
    ApiKey stale = key("StaleAccessKey000000001");
    String sealedWithOld = sealedWithOld(stale);
    when(keys.sealedWith(eq("old"), isNull(), anyInt()))
        .thenReturn(List.of(new ApiKeys.Sealed(stale, sealedWithOld)));
    when(keys.reseal(eq(stale.id()), eq(sealedWithOld), any())).thenReturn(true);

    int count = resealing(true).resealAll();

    assertThat(count).isEqualTo(1);
    ArgumentCaptor<String> resealed = ArgumentCaptor.forClass(String.class);
    verify(keys).reseal(eq(stale.id()), eq(sealedWithOld), resealed.capture());
    verify(keys, never()).sealedWith(eq("new"), any(), anyInt());
    assertThat(
            TestSecretCiphers.of(Map.of("new", newKey), null)
                .open(resealed.getValue(), stale.accessKey()))
        .isEqualTo(SECRET);
  }

  private String sealedWithOld(ApiKey key) {
    return TestSecretCiphers.of(Map.of("old", oldKey), null).seal(SECRET, key.accessKey());
  }

  private StaleSecretResealing resealing(boolean resealOnStart) {
    ApiKeysSettings defaults = TestApiKeysSettings.defaults();
    ApiKeysSettings settings =
        new ApiKeysSettings(
            resealOnStart,
            defaults.individualKeyLimit(),
            defaults.cacheExpiry(),
            defaults.lastUsedFlush());
    return new StaleSecretResealing(
        keys, rotating, settings, new TransactionTemplate(mock(PlatformTransactionManager.class)));
  }

  private static ApiKey key(String accessKey) {
    return new ApiKey(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Key",
        accessKey,
        Set.of(Scope.OAuth2Read),
        "public",
        Instant.now(),
        null,
        null);
  }
}
