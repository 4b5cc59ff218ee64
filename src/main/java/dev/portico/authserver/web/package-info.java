/** The authorization server's console page: Authorize application (OAU-2). */
@NullMarked
package dev.portico.authserver.web;

import org.jspecify.annotations.NullMarked;
