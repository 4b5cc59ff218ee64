package dev.portico.applications.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshes an expired External OAuth access token with Spring Security's {@link
 * OAuth2AuthorizedClientManager} (the refresh-token grant, RFC 6749 §6), one refresh of a grant at
 * a time on every node: the grant's row stays locked while its server answers, so a second caller
 * waits and then uses the tokens the first one stored — servers that rotate refresh tokens (as
 * Portico's own does) would otherwise see a reused one and end the grant.
 *
 * <p>A refused refresh ({@code invalid_grant}, {@code invalid_token}) is a dead grant: the
 * manager's failure handler deletes it and the caller gets nothing. Any other failure (the server
 * down, a malformed answer) keeps the grant for the next call. Tokens are never logged.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 */
@Component
public class ExternalTokenRefresh {

  private static final Logger log = LoggerFactory.getLogger(ExternalTokenRefresh.class);

  private final ExternalTokens tokens;
  private final OAuth2AuthorizedClientManager manager;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ExternalTokenRefresh(
      ExternalTokens tokens,
      OAuth2AuthorizedClientManager externalClientManager,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.tokens = tokens;
    this.manager = externalClientManager;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The grant's access token, refreshed if it has expired; empty when there is none (any more). */
  public Optional<String> refreshed(UUID userId, UUID applicationId) {
    Optional<String> token = transactions.execute(status -> underLock(userId, applicationId));
    return token == null ? Optional.empty() : token;
  }

  private Optional<String> underLock(UUID userId, UUID applicationId) {
    if (tokens.lock(applicationId, userId).isEmpty()) {
      return Optional.empty();
    }
    OAuth2AuthorizeRequest request =
        OAuth2AuthorizeRequest.withClientRegistrationId(applicationId.toString())
            .principal(userId.toString())
            .build();
    try {
      OAuth2AuthorizedClient client = manager.authorize(request);
      return Optional.ofNullable(client)
          .map(OAuth2AuthorizedClient::getAccessToken)
          .filter(this::usable)
          .map(OAuth2AccessToken::getTokenValue);
    } catch (ClientAuthorizationRequiredException | IllegalArgumentException e) {
      return Optional.empty(); // no configuration (any more) for the app
    } catch (OAuth2AuthorizationException e) {
      log.info(
          "External OAuth refresh of user {} for application {} failed: {}{}",
          userId,
          applicationId,
          e.getError().getErrorCode(),
          tokens.find(applicationId, userId).isEmpty() ? " (grant ended)" : " (grant kept)");
      return Optional.empty();
    }
  }

  /** A token without a refresh token stays expired: it is no use to a caller. */
  private boolean usable(OAuth2AccessToken token) {
    return token.getExpiresAt() == null || token.getExpiresAt().isAfter(clock.instant());
  }
}
