package dev.portico.accounts.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Invitation;
import dev.portico.accounts.InvitationState;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invitation as the REST API shows it (SPEC TEN-6: {@code id, email, role, license, state,
 * expiresAt}); the invitee also sees the inviting company.
 */
record InvitationBody(
    UUID id,
    UUID accountId,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only for credentials that hold `OAuth2ReadPII`")
        @Nullable String email,
    Role role,
    License license,
    InvitationState state,
    Instant createdAt,
    Instant expiresAt) {

  static InvitationBody of(Invitation i, Instant now, ApiCaller caller) {
    return new InvitationBody(
        i.id(),
        i.accountId(),
        caller.has(Scope.OAuth2ReadPII) ? i.email() : null,
        i.role(),
        i.license(),
        i.stateAt(now),
        i.createdAt(),
        i.expiresAt());
  }
}
