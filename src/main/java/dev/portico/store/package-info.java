/**
 * Store entries (SPEC §10, STO-1..STO-3): an app's one entry in the store — name, summary, type,
 * category, which teams may see it while it is private, a Markdown description rendered through an
 * allow-list, support links, vendor, version and up to eight re-encoded images. A new entry is
 * {@link dev.portico.store.EntryState#PRIVATE}; with its {@link dev.portico.store.LaunchChecklist}
 * done it asks for review and the operator approves or returns it ({@link
 * dev.portico.store.StoreReview}). While an app has an entry it cannot be deleted (APP-5).
 */
@NullMarked
package dev.portico.store;

import org.jspecify.annotations.NullMarked;
