/**
 * API keys (SPEC §4): issue, list and delete keys that act for a user with some scopes; secrets
 * encrypted at rest; the cached key directory the gateway verifies signed requests with.
 */
@NullMarked
package dev.portico.apikeys;

import org.jspecify.annotations.NullMarked;
