package dev.portico.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * A human-readable text field (a name, a summary): any Unicode letters, but no control characters,
 * no bidirectional overrides and no HTML markup characters (§14: HTML in text fields is refused).
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

  String message() default "must not contain control characters or the characters < and >";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks a value against {@link PlainText}; {@code null} is left to {@code @NotNull}. */
  class Validator implements ConstraintValidator<PlainText, String> {

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
      return value == null || isPlainText(value);
    }

    /** Whether the value holds only characters allowed in a plain text field. */
    public static boolean isPlainText(String value) {
      for (int i = 0; i < value.length(); ) {
        int cp = value.codePointAt(i);
        if (!allowed(cp)) {
          return false;
        }
        i += Character.charCount(cp);
      }
      return true;
    }

    private static boolean allowed(int cp) {
      if (cp == '<' || cp == '>') {
        return false;
      }
      if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
        return false; // bidirectional overrides: used to disguise text
      }
      int type = Character.getType(cp);
      return type != Character.CONTROL
          && type != Character.SURROGATE
          && type != Character.UNASSIGNED
          && type != Character.PRIVATE_USE;
    }
  }
}
