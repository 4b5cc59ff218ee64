package dev.portico.applications.web;

import dev.portico.system.InvalidInput;
import java.util.Set;
import org.springframework.validation.BindingResult;

/** What the forms of the Platform and External OAuth tabs do alike with the service's answer. */
final class TabForms {

  private TabForms() {}

  /**
   * Puts each of the service's messages next to its field when the form shows that field, the rest
   * above the form; a field keeps the first message it got.
   */
  static void reject(InvalidInput e, BindingResult result, Set<String> shownFields) {
    for (InvalidInput.FieldViolation v : e.violations()) {
      if (!shownFields.contains(v.field())) {
        result.reject("invalid", v.message());
      } else if (!result.hasFieldErrors(v.field())) {
        result.rejectValue(v.field(), "invalid", v.message());
      }
    }
  }
}
