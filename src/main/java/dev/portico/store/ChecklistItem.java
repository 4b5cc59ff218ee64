package dev.portico.store;

/**
 * One item of an entry's launch checklist (STO-3).
 *
 * @param key a stable name such as {@code oauth-url} or {@code developer-agreement}
 * @param automatic computed from the app and its entry; otherwise ticked by the app's managers
 * @param hint what to do while the item is not done
 */
public record ChecklistItem(
    String key, String label, boolean automatic, boolean done, String hint) {}
