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
 *     bytes. Several keys allow rotation: a secret opens with the key its id names.
 * @param activeKey the id of the key new secrets are encrypted with
 * @param resealOnStart whether this node re-encrypts, at start, every secret sealed with another
 *     configured key than {@code activeKey}. Off by default: turn it on for one start only, once
 *     every node knows the active key (see {@code docs/apikeys.md}, rotation)
 * @param keyFile where a single-node installation keeps a generated key when none is configured
 * @param individualKeyLimit active keys an individual account may hold (KEY-1)
 * @param cacheExpiry how long a cached key is kept at most; changes reach the cache through the
 *     change feed long before that
 * @param changePollInterval how often each node reads the change feed: with the time a change takes
 *     to commit, the bound on how long a revoked key still works on another node
 * @param changeFeedOverlap how far back each read of the change feed reaches before the previous
 *     read: covers the time between a change's {@code changed_at} and its commit, and clock
 *     differences between nodes
 * @param changeFeedRetention how long change rows are kept before they are purged
 * @param lastUsedFlush how often "last used" times are written to the database
 */
@ConfigurationProperties("portico.apikeys")
public record ApiKeysSettings(
    @DefaultValue Map<String, String> encryptionKeys,
    @Nullable String activeKey,
    @DefaultValue("false") boolean resealOnStart,
    @DefaultValue("./data/apikey-encryption.key") String keyFile,
    @DefaultValue("2") int individualKeyLimit,
    @DefaultValue("10m") Duration cacheExpiry,
    @DefaultValue("1s") Duration changePollInterval,
    @DefaultValue("5s") Duration changeFeedOverlap,
    @DefaultValue("1h") Duration changeFeedRetention,
    @DefaultValue("30s") Duration lastUsedFlush) {}
