/**
 * The OAuth 2 authorization server (SPEC §3, OAU-1..6) on Spring Security 7's authorization server.
 * Clients are the applications module's applications, read through {@link
 * dev.portico.authserver.ApplicationClients} (no second copy of client data); authorizations are
 * kept by {@link dev.portico.authserver.HashedAuthorizationService}, which stores codes and tokens
 * only as SHA-256 hashes (OAU-6).
 *
 * <p>The endpoints ({@code /oauth/authorize}, {@code /oauth/token}, {@code /oauth/revoke}, {@code
 * /oauth/introspect}, {@code /.well-known/oauth-authorization-server}) are served by the chain of
 * {@code internal.AuthorizationServerSecurityConfiguration}; clients authenticate through the
 * applications module's {@code verifyClientSecret}. {@code /oauth/authorize} follows OAU-2 on the
 * stock endpoint; its Authorize application page is {@code web.ConsentController}; consent is kept
 * in {@code as_consent} by the app's consent epoch. Access tokens open {@code /api/**} through
 * {@link dev.portico.authserver.AccessTokenDirectory} (API-1).
 */
@NullMarked
package dev.portico.authserver;

import org.jspecify.annotations.NullMarked;
