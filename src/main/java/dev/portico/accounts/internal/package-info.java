/** Internals of the accounts module. */
@NullMarked
package dev.portico.accounts.internal;

import org.jspecify.annotations.NullMarked;
