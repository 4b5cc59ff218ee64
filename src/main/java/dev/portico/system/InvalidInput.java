package dev.portico.system;

import java.util.List;
import org.springframework.util.Assert;

/**
 * Input that breaks a rule. Carries one message per offending field; nothing was changed. REST
 * answers it with RFC 9457 problem details and the console shows each message next to its field.
 */
public class InvalidInput extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<FieldViolation> violations;

  public InvalidInput(List<FieldViolation> violations) {
    super(summary(violations));
    Assert.notEmpty(violations, "violations cannot be empty");
    this.violations = List.copyOf(violations);
  }

  public static InvalidInput of(String field, String message) {
    return new InvalidInput(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  private static String summary(List<FieldViolation> violations) {
    StringBuilder sb = new StringBuilder("Invalid input:");
    for (FieldViolation v : violations) {
      sb.append(' ').append(v.field()).append(" (").append(v.message()).append(')');
    }
    return sb.toString();
  }

  /** One broken rule of one field. */
  public record FieldViolation(String field, String message) {}
}
