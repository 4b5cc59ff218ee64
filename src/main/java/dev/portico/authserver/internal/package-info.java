/** Internals of the authorization server: token hashing, stored rows, attribute encoding. */
@NullMarked
package dev.portico.authserver.internal;

import org.jspecify.annotations.NullMarked;
