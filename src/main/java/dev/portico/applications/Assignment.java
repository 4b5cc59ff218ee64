package dev.portico.applications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A line of an application's sharing list (SHR-1): a user, team or alias it is shared with.
 *
 * @param name the user's display name or the team's or alias's name; empty if it is gone
 * @param email the user's email; {@code null} for teams and aliases
 * @param note why the assignment gives no access now ("light user", "suspended"), or {@code null}
 */
public record Assignment(
    AssignmentKind kind,
    UUID targetId,
    String name,
    @Nullable String email,
    @Nullable String note,
    Instant createdAt) {}
