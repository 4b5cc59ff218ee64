package dev.portico.system;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Validates commands with Bean Validation and turns violations into {@link InvalidInput}. Services
 * call it so that the console and the REST API apply the same rules.
 */
@Component
public class InputValidator {

  private final Validator validator;

  InputValidator(Validator validator) {
    Assert.notNull(validator, "validator cannot be null");
    this.validator = validator;
  }

  /** Throws {@link InvalidInput} listing every broken rule of the command, field by field. */
  public void check(Object command) {
    List<InvalidInput.FieldViolation> violations = violations(command);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
  }

  /**
   * Every broken rule of the command, field by field and sorted; empty when it is valid. For
   * services that add rules of their own before answering {@link InvalidInput} once.
   */
  public List<InvalidInput.FieldViolation> violations(Object command) {
    Set<ConstraintViolation<Object>> found = validator.validate(command);
    List<InvalidInput.FieldViolation> violations = new ArrayList<>();
    for (ConstraintViolation<Object> v : found) {
      violations.add(
          new InvalidInput.FieldViolation(v.getPropertyPath().toString(), v.getMessage()));
    }
    violations.sort(
        Comparator.comparing(InvalidInput.FieldViolation::field)
            .thenComparing(InvalidInput.FieldViolation::message));
    return violations;
  }
}
