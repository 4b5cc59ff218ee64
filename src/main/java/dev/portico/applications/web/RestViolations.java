package dev.portico.applications.web;

import dev.portico.applications.ApplicationDraft;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The REST form of the registration rules' field errors. The console shows a refused redirect URL
 * or collaborator quoted in its message, next to the list it belongs to; REST never echoes a value
 * sent (SPEC §14, {@code ProblemDetailsAdvice}), so the value becomes the item's position instead:
 * {@code “http://localhost” must give the port…} on {@code redirectUrls} is answered as {@code must
 * give the port…} on {@code redirectUrls[1]}.
 */
final class RestViolations {

  private static final String OPEN = "“";
  private static final String CLOSE = "” ";

  private RestViolations() {}

  static InvalidInput withoutValues(InvalidInput e, ApplicationDraft draft) {
    List<FieldViolation> out = new ArrayList<>();
    int[] next = {0, 0}; // the next redirect URL and collaborator a message may be about
    for (FieldViolation v : e.violations()) {
      out.add(withoutValue(v, draft, next));
    }
    return new InvalidInput(out);
  }

  private static FieldViolation withoutValue(FieldViolation v, ApplicationDraft draft, int[] next) {
    String message = v.message();
    int close = message.indexOf(CLOSE);
    if (!message.startsWith(OPEN) || close < 0) {
      return v;
    }
    String shown = message.substring(OPEN.length(), close);
    String rule = message.substring(close + CLOSE.length());
    int slot = v.field().equals("redirectUrls") ? 0 : v.field().equals("collaborators") ? 1 : -1;
    List<String> items =
        slot == 0 ? draft.redirectUrls() : slot == 1 ? draft.collaborators() : List.of();
    Integer index = slot < 0 ? null : indexOf(items, shown, next[slot]);
    if (index == null) {
      return new FieldViolation(v.field(), rule);
    }
    next[slot] = index + 1;
    return new FieldViolation(v.field() + "[" + index + "]", rule);
  }

  /** The first item from {@code from} on that the rules would show as {@code shown}. */
  private static @Nullable Integer indexOf(List<String> items, String shown, int from) {
    for (int i = from; i < items.size(); i++) {
      String value = items.get(i);
      String display = value.length() > 80 ? value.substring(0, 80) + "…" : value;
      if (display.equals(shown)) {
        return i;
      }
    }
    return null;
  }
}
