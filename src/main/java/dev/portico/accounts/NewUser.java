package dev.portico.accounts;

import dev.portico.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A user to create (TEN-2). Without a password the user cannot sign in to the console until one is
 * set; {@code role} is ignored for individual accounts.
 */
public record NewUser(
    @NotBlank(message = "is required")
        @Size(max = 254)
        @Pattern(regexp = Inputs.EMAIL, message = Inputs.EMAIL_MESSAGE)
        String email,
    @NotBlank(message = "is required") @Size(max = 100) @PlainText String name,
    @Nullable Role role,
    @NotNull(message = "choose a license") @Nullable License license,
    @Nullable @Size(min = 10, max = 128, message = "must be 10 to 128 characters")
        String password) {

  /** The license, once validation has checked there is one. */
  public License requiredLicense() {
    return java.util.Objects.requireNonNull(license, "license");
  }
}
