package dev.portico.applications.internal;

import dev.portico.accounts.Actors;
import dev.portico.accounts.ConsoleUser;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Where Spring's authorization-code filter keeps the tokens of a completed grant: in {@link
 * ExternalTokenService} for the signed-in console user (never in the session), recorded as {@code
 * ExternalAccessGranted} with the request's actor. A user who is no longer active gets nothing
 * stored.
 */
final class ExternalGrantRecorder implements OAuth2AuthorizedClientRepository {

  private final ExternalTokenService service;
  private final ClientExternalAccess access;
  private final UserManagement users;

  ExternalGrantRecorder(
      ExternalTokenService service, ClientExternalAccess access, UserManagement users) {
    this.service = service;
    this.access = access;
    this.users = users;
  }

  @Override
  @SuppressWarnings("TypeParameterUnusedInFormals") // Spring's signature
  public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
      String clientRegistrationId, @Nullable Authentication principal, HttpServletRequest request) {
    return principal == null
        ? null
        : service.loadAuthorizedClient(clientRegistrationId, principal.getName());
  }

  @Override
  public void saveAuthorizedClient(
      OAuth2AuthorizedClient client,
      @Nullable Authentication principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (principal == null || !(principal.getPrincipal() instanceof ConsoleUser signedIn)) {
      return;
    }
    User user = users.user(signedIn.userId()).filter(User::isActive).orElse(null);
    if (user != null) {
      access.recordGrant(client, user, Actors.of(user, request));
    }
  }

  @Override
  public void removeAuthorizedClient(
      String clientRegistrationId,
      @Nullable Authentication principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (principal != null) {
      service.removeAuthorizedClient(clientRegistrationId, principal.getName());
    }
  }
}
