package dev.portico.extensions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The audit diffs of extension changes (AUD-1): field → "old → new"; never the icon's bytes. */
final class ExtensionDiff {

  private ExtensionDiff() {}

  /** Everything a new extension was added with. */
  static Map<String, String> of(Extension e) {
    Map<String, String> diff = new LinkedHashMap<>();
    diff.put("name", e.name());
    diff.put("location", e.location().name());
    putIfSet(diff, "context", e.context() == null ? null : e.context().name());
    diff.put("actionUrl", e.actionUrl());
    putIfSet(diff, "actionType", e.actionType() == null ? null : e.actionType().name());
    putIfSet(diff, "actionBody", e.actionBody());
    if (e.showResponse()) {
      diff.put("showResponse", "true");
    }
    putIfSet(diff, "icon", e.iconType());
    return diff;
  }

  /** The fields that differ between two states of an extension. */
  static Map<String, String> between(Extension a, Extension b, IconChange icon) {
    Map<String, String> diff = new LinkedHashMap<>();
    put(diff, "name", a.name(), b.name());
    put(diff, "description", a.description(), b.description());
    put(diff, "location", a.location().name(), b.location().name());
    put(diff, "context", name(a.context()), name(b.context()));
    put(diff, "actionUrl", a.actionUrl(), b.actionUrl());
    put(diff, "actionType", name(a.actionType()), name(b.actionType()));
    put(diff, "actionBody", a.actionBody(), b.actionBody());
    put(diff, "showResponse", String.valueOf(a.showResponse()), String.valueOf(b.showResponse()));
    if (icon.bytes() != null) {
      diff.put("icon", a.iconType() == null ? "set" : "replaced");
    } else if (icon.remove() && a.iconType() != null) {
      diff.put("icon", "removed");
    }
    return diff;
  }

  private static @Nullable String name(@Nullable Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static void putIfSet(Map<String, String> diff, String field, @Nullable String value) {
    if (value != null) {
      diff.put(field, value);
    }
  }

  private static void put(
      Map<String, String> diff, String field, @Nullable String a, @Nullable String b) {
    if (!Objects.equals(a, b)) {
      diff.put(field, (a == null ? "—" : a) + " → " + (b == null ? "—" : b));
    }
  }
}
