/**
 * API keys on the console (Company settings and My account → Developer → API keys) and in the REST
 * API (KEY-1, SPEC §13).
 */
@NullMarked
package dev.portico.apikeys.web;

import org.jspecify.annotations.NullMarked;
