package dev.portico.accounts;

import dev.portico.system.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the operator gives to create an account (TEN-5). Enterprises need a {@code domain}; other
 * types must not have one. {@code type} and {@code plan} may arrive empty from a form or a request
 * body; validation refuses that, after which {@link #requiredType()} and {@link #requiredPlan()}
 * hold.
 */
public record NewAccount(
    @NotNull(message = "choose a type") @Nullable AccountType type,
    @NotBlank(message = "is required") @Size(max = 100) @PlainText String name,
    @NotNull(message = "choose a plan") @Nullable Plan plan,
    @Nullable @Size(max = 253) @Pattern(regexp = Inputs.DOMAIN, message = Inputs.DOMAIN_MESSAGE)
        String domain,
    @Nullable LocalDate allocationStart,
    @Nullable
        @PositiveOrZero
        @Max(value = Inputs.MAX_ALLOCATION, message = Inputs.MAX_ALLOCATION_MESSAGE)
        Long allocationOverride) {

  /** The type, once validation has checked there is one. */
  public AccountType requiredType() {
    return java.util.Objects.requireNonNull(type, "type");
  }

  /** The plan, once validation has checked there is one. */
  public Plan requiredPlan() {
    return java.util.Objects.requireNonNull(plan, "plan");
  }
}
