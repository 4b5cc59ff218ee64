package dev.portico.apikeys;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the API-keys module.
 *
 * @param encryptionKeys AES-256 keys that encrypt key secrets at rest, by key id, each Base64 of 32
 *     bytes. Several keys allow rotation: secrets are re-encrypted with {@code activeKey} at start.
 * @param activeKey the id of the key new secrets are encrypted with
 * @param keyFile where a single-node installation keeps a generated key when none is configured
 * @param individualKeyLimit active keys an individual account may hold (KEY-1)
 * @param cacheRefresh how often a cached key is re-read in the background
 * @param cacheExpiry how long a cached key may be used at most: the bound on revocation across
 *     nodes
 * @param lastUsedFlush how often "last used" times are written to the database
 */
@ConfigurationProperties("portico.apikeys")
public record ApiKeysSettings(
    @DefaultValue Map<String, String> encryptionKeys,
    @Nullable String activeKey,
    @DefaultValue("./data/apikey-encryption.key") String keyFile,
    @DefaultValue("2") int individualKeyLimit,
    @DefaultValue("2s") Duration cacheRefresh,
    @DefaultValue("5s") Duration cacheExpiry,
    @DefaultValue("30s") Duration lastUsedFlush) {}
