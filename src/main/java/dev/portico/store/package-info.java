/**
 * Store entries (SPEC §10, STO-1..STO-3): an app's one entry in the store — name, summary, type,
 * category, which teams may see it while it is private, a Markdown description rendered through an
 * allow-list, support links, vendor, version and up to eight re-encoded images. A new entry is
 * {@link dev.portico.store.EntryState#PRIVATE}; with its {@link dev.portico.store.LaunchChecklist}
 * done it asks for review and the operator approves or returns it ({@link
 * dev.portico.store.StoreReview}). The store itself (STO-4, {@link dev.portico.store.StoreCatalog},
 * {@link dev.portico.store.StoreSubscriptions}): who sees which entry is one rule ({@code
 * internal.EntryVisibility}); subscribers see the app's extensions and may authorize it; calls of a
 * PUBLIC app's tokens are not metered. While an app has an entry it cannot be deleted (APP-5).
 */
@NullMarked
package dev.portico.store;

import org.jspecify.annotations.NullMarked;
