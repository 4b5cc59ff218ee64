/** The authorization server's console pages: My account → Applications (OAU-5). */
@NullMarked
package dev.portico.authserver.web;

import org.jspecify.annotations.NullMarked;
