/**
 * Store entries (SPEC §10, STO-1/STO-2): an app's one entry in the store — name, summary, type,
 * category, which teams may see it while it is private, a Markdown description rendered through an
 * allow-list, support links, vendor, version and up to eight re-encoded images. A new entry is
 * {@link dev.portico.store.EntryState#PRIVATE}; review, the launch checklist, the public store and
 * subscriptions come later. While an app has an entry it cannot be deleted (APP-5).
 */
@NullMarked
package dev.portico.store;

import org.jspecify.annotations.NullMarked;
