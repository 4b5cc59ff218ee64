package dev.portico.apikeys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the API-keys module. The encryption keys are {@link
 * dev.portico.system.EncryptionSettings}, under the same prefix.
 *
 * @param resealOnStart whether this node re-encrypts, at start, every secret sealed with another
 *     configured key than {@code activeKey}. Off by default: turn it on for one start only, once
 *     every node knows the active key (see {@code docs/apikeys.md}, rotation)
 * @param individualKeyLimit active keys an individual account may hold (KEY-1)
 * @param cacheExpiry how long a cached key is kept at most; changes reach the cache through the
 *     change feed ({@link dev.portico.system.ChangeFeed}, {@code portico.system.change-*}) long
 *     before that
 * @param lastUsedFlush how often "last used" times are written to the database
 */
@ConfigurationProperties("portico.apikeys")
public record ApiKeysSettings(
    @DefaultValue("false") boolean resealOnStart,
    @DefaultValue("2") int individualKeyLimit,
    @DefaultValue("10m") Duration cacheExpiry,
    @DefaultValue("30s") Duration lastUsedFlush) {}
