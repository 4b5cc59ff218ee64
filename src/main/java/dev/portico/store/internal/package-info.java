/** Rows, the image policy, the description renderer and the APP-5 check of store entries. */
@NullMarked
package dev.portico.store.internal;

import org.jspecify.annotations.NullMarked;
