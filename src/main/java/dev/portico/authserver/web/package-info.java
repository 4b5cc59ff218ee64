/**
 * The authorization server's console pages: Authorize application (OAU-2) and My account →
 * Applications (OAU-5).
 */
@NullMarked
package dev.portico.authserver.web;

import org.jspecify.annotations.NullMarked;
