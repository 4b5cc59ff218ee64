package dev.portico.applications;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.applications.internal.Applications;
import dev.portico.applications.internal.ExternalClientRegistrations;
import dev.portico.applications.internal.ExternalOAuths;
import dev.portico.applications.internal.ExternalTokens;
import dev.portico.system.Actor;
import dev.portico.system.InputValidator;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.NotFound;
import dev.portico.system.SecretCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's Platform OAuth tab (token lifetimes within the platform's bounds, skip-consent
 * for the owning company) and External OAuth tab (APP-6: Portico as a client of the app's own
 * server, its secret sealed with {@link SecretCipher} and never shown again). Changes publish
 * {@link ApplicationUpdated} without secrets. Removing the External OAuth configuration, or
 * changing its client id, deletes the External access tokens users granted, in the same
 * transaction.
 */
@Service
@Transactional
public class ApplicationOAuthSettings {

  private final Applications applications;
  private final ExternalOAuths externals;
  private final ExternalTokens tokens;
  private final SecretCipher cipher;
  private final AccountManagement accounts;
  private final InputValidator validator;
  private final ApplicationsSettings settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ApplicationOAuthSettings(
      Applications applications,
      ExternalOAuths externals,
      ExternalTokens tokens,
      SecretCipher cipher,
      AccountManagement accounts,
      InputValidator validator,
      ApplicationsSettings settings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.applications = applications;
    this.externals = externals;
    this.tokens = tokens;
    this.cipher = cipher;
    this.accounts = accounts;
    this.validator = validator;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  /** Changes the Platform OAuth tab: token lifetimes within the platform's bounds, skip-consent. */
  public Application updatePlatformOAuth(Actor actor, Application current, PlatformOAuth wanted) {
    Application locked = lock(current);
    List<FieldViolation> violations = new ArrayList<>();
    Duration access = wanted.accessTokenLifetime();
    if (access.compareTo(settings.minAccessTokenLifetime()) < 0
        || access.compareTo(settings.maxAccessTokenLifetime()) > 0) {
      violations.add(
          new FieldViolation(
              "accessTokenLifetime",
              "must be between "
                  + ApplicationDiff.words(settings.minAccessTokenLifetime())
                  + " and "
                  + ApplicationDiff.words(settings.maxAccessTokenLifetime())));
    }
    Duration refresh = wanted.refreshTokenLifetime();
    if (refresh != null
        && (refresh.compareTo(settings.minRefreshTokenLifetime()) < 0
            || refresh.compareTo(settings.maxRefreshTokenLifetime()) > 0)) {
      violations.add(
          new FieldViolation(
              "refreshTokenLifetime",
              "must be between "
                  + ApplicationDiff.words(settings.minRefreshTokenLifetime())
                  + " and "
                  + ApplicationDiff.words(settings.maxRefreshTokenLifetime())
                  + ", or empty for as long as the grant lasts"));
    }
    Account owner = accounts.account(locked.ownerAccountId()).orElseThrow();
    if (wanted.skipConsentForOwnCompany() && !owner.isCompanyType()) {
      violations.add(
          new FieldViolation(
              "skipConsentForOwnCompany", "only applications of a company can skip consent"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    Application changed = withPlatformOAuth(locked, wanted);
    Map<String, String> diff = ApplicationDiff.between(locked, changed);
    if (!diff.isEmpty()) {
      applications.update(changed);
      publishUpdated(actor, changed, diff);
    }
    return changed;
  }

  /** Sets the External OAuth tab (APP-6); a blank secret keeps the stored one. */
  public ExternalOAuth updateExternalOAuth(
      Actor actor, Application current, ExternalOAuthDraft draft) {
    Application locked = lock(current);
    List<FieldViolation> violations = validator.violations(draft);
    urlViolation("authorizationUrl", draft.authorizationUrl(), violations);
    urlViolation("tokenUrl", draft.tokenUrl(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    Optional<ExternalOAuth> before = externals.find(locked.id());
    Instant now = clock.instant();
    String secret = draft.clientSecret();
    String sealed = secret == null ? null : cipher.seal(secret, externalBinding(locked.id()));
    ExternalOAuth config =
        new ExternalOAuth(
            draft.clientId(),
            secret != null || before.map(ExternalOAuth::clientSecretSet).orElse(false),
            draft.authorizationUrl(),
            draft.tokenUrl(),
            draft.scopes(),
            now);
    externals.put(locked.id(), config, sealed, now);
    if (before.isPresent() && !before.get().clientId().equals(config.clientId())) {
      tokens.deleteOfApplication(locked.id()); // tokens of another client: no longer ours to use
    }
    Map<String, String> diff =
        ApplicationDiff.external(before.orElse(null), config, secret != null);
    if (!diff.isEmpty()) {
      publishUpdated(actor, locked, diff);
    }
    return config;
  }

  /** Removes the External OAuth configuration, with its secret. */
  public void removeExternalOAuth(Actor actor, Application current) {
    Application locked = lock(current);
    if (externals.delete(locked.id())) {
      tokens.deleteOfApplication(locked.id());
      publishUpdated(actor, locked, Map.of("externalOAuth", "removed"));
    }
  }

  @Transactional(readOnly = true)
  public Optional<ExternalOAuth> externalOAuth(UUID applicationId) {
    return externals.find(applicationId);
  }

  private void urlViolation(String field, String url, List<FieldViolation> violations) {
    if (url.isEmpty() || violations.stream().anyMatch(v -> v.field().equals(field))) {
      return;
    }
    String problem = RegistrationRules.webUrlProblem(url);
    if (problem != null) {
      violations.add(new FieldViolation(field, problem));
    }
  }

  private Application withPlatformOAuth(Application a, PlatformOAuth p) {
    return new Application(
        a.id(),
        a.ownerAccountId(),
        a.name(),
        a.primaryFormat(),
        a.summary(),
        a.redirectUrls(),
        a.type(),
        a.oauthUrl(),
        a.supportsCollaboration(),
        a.scopes(),
        a.adminTeamId(),
        a.collaborators(),
        a.clientId(),
        a.secretCreatedAt(),
        a.previousSecret(),
        a.consentEpoch(),
        p,
        a.createdAt(),
        a.createdBy(),
        clock.instant());
  }

  /** The associated data an External OAuth secret is sealed with: it opens only for its app. */
  static String externalBinding(UUID applicationId) {
    return ExternalClientRegistrations.secretBinding(applicationId);
  }

  private Application lock(Application app) {
    return applications.lock(app.id()).orElseThrow(() -> new NotFound("Application"));
  }

  private void publishUpdated(Actor actor, Application app, Map<String, String> diff) {
    events.publishEvent(
        new ApplicationUpdated(
            actor, app.ownerAccountId(), app.id(), app.name(), app.clientId(), false, diff));
  }
}
