package dev.portico.accounts;

import dev.portico.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/** The name and members of a team to create or save. */
public record TeamDraft(
    @NotBlank(message = "is required") @Size(max = 100) @PlainText String name,
    @NotNull @Size(max = 10000) Set<UUID> memberIds) {

  public TeamDraft {
    memberIds = withoutNulls(memberIds);
  }

  /** Forms turn an empty id into {@code null}: ignore those rather than fail. */
  private static Set<UUID> withoutNulls(@org.jspecify.annotations.Nullable Set<UUID> ids) {
    if (ids == null) {
      return Set.of();
    }
    return ids.stream()
        .filter(java.util.Objects::nonNull)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
