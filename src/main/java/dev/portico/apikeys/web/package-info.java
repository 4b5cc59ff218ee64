/** The console pages of API keys: Company settings and My account → Developer → API keys. */
@NullMarked
package dev.portico.apikeys.web;

import org.jspecify.annotations.NullMarked;
