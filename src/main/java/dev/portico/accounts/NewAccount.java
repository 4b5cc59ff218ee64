package dev.portico.accounts;

import dev.portico.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the operator gives to create an account (TEN-5). Enterprises need a {@code domain}; other
 * types must not have one.
 */
public record NewAccount(
    @NotNull(message = "choose a type") AccountType type,
    @NotBlank(message = "is required") @Size(max = 100) @PlainText String name,
    @NotNull(message = "choose a plan") Plan plan,
    @Nullable @Size(max = 253) @Pattern(regexp = Inputs.DOMAIN, message = Inputs.DOMAIN_MESSAGE)
        String domain,
    @Nullable LocalDate allocationStart,
    @Nullable @PositiveOrZero Long allocationOverride) {}
