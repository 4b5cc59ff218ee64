/** Portico's root package: the application class and nothing else. */
@NullMarked
package dev.portico;

import org.jspecify.annotations.NullMarked;
