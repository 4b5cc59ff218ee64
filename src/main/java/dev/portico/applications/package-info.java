/**
 * OAuth applications (SPEC §2, §8): registration with the APP-2 rules, credentials (client id, a
 * client secret stored as a hash, regeneration with an optional overlap), settings, permissions,
 * Platform and External OAuth, sharing with users, teams and aliases, and deletion. Other modules
 * read applications through {@link dev.portico.applications.ApplicationDirectory} and never see a
 * secret.
 */
@NullMarked
package dev.portico.applications;

import org.jspecify.annotations.NullMarked;
