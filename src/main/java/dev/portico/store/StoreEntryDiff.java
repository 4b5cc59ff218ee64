package dev.portico.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The audited fields of an entry (AUD-1): never image bytes, the description by its length. */
final class StoreEntryDiff {

  private StoreEntryDiff() {}

  static Map<String, String> of(StoreEntry e) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("name", e.name());
    d.put("summary", e.summary());
    d.put("category", e.category().name());
    d.put("teamVisibility", e.teamVisibility().name());
    d.put(
        "visibleTeamIds",
        e.visibleTeamIds().stream().map(UUID::toString).sorted().toList().toString());
    String description = e.description();
    d.put("description", description == null ? "" : "(" + description.length() + " characters)");
    d.put("supportUrl", nonNull(e.supportUrl()));
    d.put("supportEmail", nonNull(e.supportEmail()));
    d.put("vendor", nonNull(e.vendor()));
    d.put("version", nonNull(e.version()));
    return d;
  }

  /** "old → new" of each field that changed. */
  static Map<String, String> changes(StoreEntry before, StoreEntry after) {
    Map<String, String> old = of(before);
    Map<String, String> changed = new LinkedHashMap<>();
    of(after)
        .forEach(
            (k, v) -> {
              String was = old.getOrDefault(k, "");
              if (!was.equals(v)) {
                changed.put(k, was + " → " + v);
              }
            });
    return changed;
  }

  private static String nonNull(@Nullable String s) {
    return s == null ? "" : s;
  }
}
