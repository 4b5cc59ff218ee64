package dev.portico.accounts.web;

import dev.portico.system.InvalidInput;
import org.springframework.validation.BindingResult;

/** Puts a service's field errors next to the console form's fields. */
final class Forms {

  private Forms() {}

  /** A form text as the services expect it: never {@code null}. */
  static String text(@org.jspecify.annotations.Nullable String value) {
    return value == null ? "" : value;
  }

  /** A form text that means "not given" when blank. */
  static @org.jspecify.annotations.Nullable String blankToNull(
      @org.jspecify.annotations.Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static void reject(InvalidInput e, BindingResult result) {
    for (InvalidInput.FieldViolation v : e.violations()) {
      String field =
          v.field().startsWith("admin.") ? "admin" + capitalize(v.field().substring(6)) : v.field();
      if (result.getFieldType(field) != null || hasProperty(result, field)) {
        result.rejectValue(field, "invalid", v.message());
      } else {
        result.reject("invalid", v.message());
      }
    }
  }

  private static boolean hasProperty(BindingResult result, String field) {
    Object target = result.getTarget();
    return target != null
        && org.springframework.beans.BeanUtils.getPropertyDescriptor(target.getClass(), field)
            != null;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
