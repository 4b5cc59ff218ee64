package dev.portico.apikeys;

import dev.portico.accounts.Scope;
import dev.portico.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A key to create: its name, the user it acts for, and its scopes (at least one). */
public record NewApiKey(
    @NotBlank(message = "is required") @Size(max = 100) @PlainText String name,
    @NotNull(message = "choose the user the key acts for") @Nullable UUID userId,
    @NotEmpty(message = "choose at least one scope") Set<Scope> scopes) {

  public NewApiKey {
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
  }
}
