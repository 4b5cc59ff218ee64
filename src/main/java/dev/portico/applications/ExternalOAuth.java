package dev.portico.applications;

import java.time.Instant;

/**
 * The app's External OAuth configuration (APP-6): Portico as an OAuth client of the app's own
 * server. The client secret is stored encrypted and never shown again; this type only says whether
 * one is set.
 */
public record ExternalOAuth(
    String clientId,
    boolean clientSecretSet,
    String authorizationUrl,
    String tokenUrl,
    String scopes,
    Instant updatedAt) {}
