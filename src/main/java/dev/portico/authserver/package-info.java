/**
 * The OAuth 2 authorization server (SPEC §3, OAU-1..6) on Spring Security 7's authorization server.
 * Clients are the applications module's applications, read through {@link
 * dev.portico.authserver.ApplicationClients} (no second copy of client data); authorizations are
 * kept by {@link dev.portico.authserver.HashedAuthorizationService}, which stores codes and tokens
 * only as SHA-256 hashes (OAU-6).
 *
 * <p>Groundwork only so far: no security filter chain and no endpoints yet.
 */
@NullMarked
package dev.portico.authserver;

import org.jspecify.annotations.NullMarked;
