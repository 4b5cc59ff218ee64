/** The usage page (USE-6) and the usage REST endpoint (SPEC §13). */
@NullMarked
package dev.portico.usage.web;

import org.jspecify.annotations.NullMarked;
