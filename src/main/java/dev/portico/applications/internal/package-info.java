/** Internals of the applications module: storage and client-secret hashing. */
@NullMarked
package dev.portico.applications.internal;

import org.jspecify.annotations.NullMarked;
