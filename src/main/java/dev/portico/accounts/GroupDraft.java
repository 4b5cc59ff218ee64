package dev.portico.accounts;

import dev.portico.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The name, users and (for an alias) teams of a group to create or save.
 *
 * @param teamIds the teams an alias holds; must be empty for a team
 */
public record GroupDraft(
    @NotBlank(message = "is required") @Size(max = 100) @PlainText String name,
    @NotNull @Size(max = 10000) Set<UUID> memberIds,
    @NotNull @Size(max = 1000) Set<UUID> teamIds) {

  public GroupDraft {
    memberIds = withoutNulls(memberIds);
    teamIds = withoutNulls(teamIds);
  }

  /** A team's draft: a name and users. */
  public static GroupDraft team(String name, Set<UUID> memberIds) {
    return new GroupDraft(name, memberIds, Set.of());
  }

  /** Forms turn an empty id into {@code null}: ignore those rather than fail. */
  private static Set<UUID> withoutNulls(@Nullable Set<UUID> ids) {
    if (ids == null) {
      return Set.of();
    }
    return ids.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
  }
}
