/**
 * Extensions (SPEC §7): where an app appears inside the product (a location, and for most locations
 * a context), what it shows or calls there (an action URL template with {@code {$…}} replacement
 * attributes, an action type and body), its icon, who sees it (EXT-5), the calls Portico makes for
 * actions, and the small per-app settings store of API-2.
 *
 * <p>The EXT-2 and EXT-3a tables live in {@link dev.portico.extensions.ExtensionLocation}; action
 * URL templates are checked and resolved by {@link dev.portico.extensions.ActionTemplates} only.
 */
@NullMarked
package dev.portico.extensions;

import org.jspecify.annotations.NullMarked;
