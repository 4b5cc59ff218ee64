/** Internals of the API-keys module: storage and secret encryption. */
@NullMarked
package dev.portico.apikeys.internal;

import org.jspecify.annotations.NullMarked;
