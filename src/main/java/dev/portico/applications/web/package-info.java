/** The applications module's console pages and REST endpoints. */
@NullMarked
package dev.portico.applications.web;

import org.jspecify.annotations.NullMarked;
