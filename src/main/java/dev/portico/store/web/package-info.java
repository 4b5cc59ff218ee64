/** The store entry console pages, the entry page and its images, and the REST endpoints. */
@NullMarked
package dev.portico.store.web;

import org.jspecify.annotations.NullMarked;
