/** Built-in platform endpoints of the API (API-2). */
@NullMarked
package dev.portico.gateway.web;

import org.jspecify.annotations.NullMarked;
