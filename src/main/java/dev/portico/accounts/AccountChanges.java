package dev.portico.accounts;

import dev.portico.system.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the operator may change of an account; {@code null} leaves a field as it is. {@code
 * clearAllocationOverride} goes back to the plan's figure.
 */
public record AccountChanges(
    @Nullable @Size(min = 1, max = 100) @PlainText String name,
    @Nullable Plan plan,
    @Nullable @Size(max = 253) @Pattern(regexp = Inputs.DOMAIN, message = Inputs.DOMAIN_MESSAGE)
        String domain,
    @Nullable LocalDate allocationStart,
    @Nullable
        @PositiveOrZero
        @Max(value = Inputs.MAX_ALLOCATION, message = Inputs.MAX_ALLOCATION_MESSAGE)
        Long allocationOverride,
    boolean clearAllocationOverride) {}
