/** The extensions module's console pages and REST controllers. */
@NullMarked
package dev.portico.extensions.web;

import org.jspecify.annotations.NullMarked;
