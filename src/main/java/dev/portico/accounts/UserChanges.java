package dev.portico.accounts;

import org.jspecify.annotations.Nullable;

/** Changes an admin makes to a member; {@code null} leaves a field as it is. */
public record UserChanges(
    @Nullable Role role, @Nullable License license, @Nullable UserState state) {}
