package dev.portico.applications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the applications module.
 *
 * @param accessTokenLifetime an app's access-token lifetime unless its Platform OAuth tab says
 *     otherwise (OAU-3: 3600 s)
 * @param minAccessTokenLifetime the shortest access-token lifetime an app may choose
 * @param maxAccessTokenLifetime the longest access-token lifetime an app may choose
 * @param minRefreshTokenLifetime the shortest refresh-token lifetime an app may choose
 * @param maxRefreshTokenLifetime the longest refresh-token lifetime an app may choose (without a
 *     choice a refresh token lives as long as its grant)
 * @param cacheExpiry how long a node keeps an application it read for client authentication and an
 *     answer of "may this user use this app": the bound on how long a change takes to reach every
 *     node
 */
@ConfigurationProperties("portico.applications")
public record ApplicationsSettings(
    @DefaultValue("1h") Duration accessTokenLifetime,
    @DefaultValue("5m") Duration minAccessTokenLifetime,
    @DefaultValue("24h") Duration maxAccessTokenLifetime,
    @DefaultValue("1h") Duration minRefreshTokenLifetime,
    @DefaultValue("365d") Duration maxRefreshTokenLifetime,
    @DefaultValue("5s") Duration cacheExpiry) {}
