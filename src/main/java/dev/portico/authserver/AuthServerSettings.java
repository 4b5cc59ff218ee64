package dev.portico.authserver;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the authorization server.
 *
 * @param authorizationCodeLifetime how long an authorization code may be redeemed (OAU-3: 60 s)
 * @param grantRefreshTokenLifetime the lifetime of a refresh token whose app chose none (OAU-3: it
 *     lives as long as its grant; a long maximum keeps every stored row purgeable)
 * @param pendingAuthorizationLifetime how long an authorization that holds no token yet (waiting
 *     for the user's consent) is kept
 * @param purgeInterval how often rows whose every token has expired are deleted (the purge runs on
 *     every node; deleting is idempotent)
 */
@ConfigurationProperties("portico.authserver")
public record AuthServerSettings(
    @DefaultValue("60s") Duration authorizationCodeLifetime,
    @DefaultValue("3650d") Duration grantRefreshTokenLifetime,
    @DefaultValue("10m") Duration pendingAuthorizationLifetime,
    @DefaultValue("10m") Duration purgeInterval) {}
