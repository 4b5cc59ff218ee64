/** API-key pages and REST endpoints (KEY-1, SPEC §13). */
@NullMarked
package dev.portico.apikeys.web;

import org.jspecify.annotations.NullMarked;
