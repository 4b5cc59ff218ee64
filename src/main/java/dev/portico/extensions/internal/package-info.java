/**
 * Internals of the extensions module: storage, icon checks and SVG sanitizing, the action HTTP
 * client with its resolved-address policy, previews, the demo extensions, the settings store rows.
 */
@NullMarked
package dev.portico.extensions.internal;

import org.jspecify.annotations.NullMarked;
