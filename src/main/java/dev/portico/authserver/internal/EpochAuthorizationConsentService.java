package dev.portico.authserver.internal;

import dev.portico.applications.Application;
import dev.portico.authserver.ApplicationClients;
import dev.portico.authserver.GrantsRevoked;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * What each user consented to per application (OAU-2: "a user who already granted these scopes is
 * not asked again"), in table {@code as_consent}, shared by every node.
 *
 * <p>Each consent keeps the application's {@link Application#consentEpoch()} of the moment it was
 * given. The epoch rises when the app's scopes widen (APP-4 Permissions), and a consent given under
 * an earlier epoch is answered as absent: the user is asked again. A consent ends with the user's
 * whole grant ({@link GrantsRevoked} with {@code wholeGrant}), in the transaction that revoked it.
 */
@Component
public class EpochAuthorizationConsentService implements OAuth2AuthorizationConsentService {

  private final JdbcClient jdbc;
  private final ApplicationClients clients;
  private final Clock clock;

  EpochAuthorizationConsentService(JdbcClient jdbc, ApplicationClients clients, Clock clock) {
    Assert.notNull(jdbc, "jdbc cannot be null");
    Assert.notNull(clients, "clients cannot be null");
    Assert.notNull(clock, "clock cannot be null");
    this.jdbc = jdbc;
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public void save(OAuth2AuthorizationConsent consent) {
    String authorities =
        consent.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .sorted()
            .collect(Collectors.joining(","));
    int epoch = currentEpoch(consent.getRegisteredClientId()).orElse(0);
    Timestamp now = Timestamp.from(clock.instant());
    if (update(consent, authorities, epoch, now) > 0) {
      return;
    }
    try {
      jdbc.sql(
              "insert into as_consent (registered_client_id, principal_name, authorities,"
                  + " consent_epoch, granted_at) values (:client, :principal, :authorities,"
                  + " :epoch, :now)")
          .param("client", consent.getRegisteredClientId())
          .param("principal", consent.getPrincipalName())
          .param("authorities", authorities)
          .param("epoch", epoch)
          .param("now", now)
          .update();
    } catch (DuplicateKeyException concurrent) {
      update(consent, authorities, epoch, now); // the same user consented on another tab or node
    }
  }

  @Override
  public void remove(OAuth2AuthorizationConsent consent) {
    jdbc.sql(
            "delete from as_consent where registered_client_id = :client"
                + " and principal_name = :principal")
        .param("client", consent.getRegisteredClientId())
        .param("principal", consent.getPrincipalName())
        .update();
  }

  /** The user's consent to the app, or {@code null} when none was given under its current epoch. */
  @Override
  public @Nullable OAuth2AuthorizationConsent findById(
      String registeredClientId, String principalName) {
    record Row(String authorities, int epoch) {}
    List<Row> rows =
        jdbc.sql(
                "select authorities, consent_epoch from as_consent"
                    + " where registered_client_id = :client and principal_name = :principal")
            .param("client", registeredClientId)
            .param("principal", principalName)
            .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2)))
            .list();
    if (rows.isEmpty()) {
      return null;
    }
    Row row = rows.get(0);
    Optional<Integer> current = currentEpoch(registeredClientId);
    if (current.isEmpty() || row.epoch() < current.get()) {
      return null; // the app is gone, or its scopes widened since: ask again
    }
    OAuth2AuthorizationConsent.Builder consent =
        OAuth2AuthorizationConsent.withId(registeredClientId, principalName);
    Arrays.stream(row.authorities().split(","))
        .filter(a -> !a.isBlank())
        .forEach(a -> consent.authority(new SimpleGrantedAuthority(a)));
    return consent.build();
  }

  /**
   * Forgets consents with the grant they belong to: one user's, or every user's of a deleted app.
   * Synchronous, so that it commits or rolls back with the revocation.
   */
  @EventListener
  void on(GrantsRevoked revoked) {
    if (!revoked.wholeGrant()) {
      return; // one token family ended (refresh reuse); the user's consent stands
    }
    String client = revoked.applicationId().toString();
    UUID user = revoked.userId();
    if (user == null) {
      jdbc.sql("delete from as_consent where registered_client_id = :client")
          .param("client", client)
          .update();
      return;
    }
    jdbc.sql(
            "delete from as_consent where registered_client_id = :client"
                + " and principal_name = :principal")
        .param("client", client)
        .param("principal", user.toString())
        .update();
  }

  private int update(
      OAuth2AuthorizationConsent consent, String authorities, int epoch, Timestamp now) {
    return jdbc.sql(
            "update as_consent set authorities = :authorities, consent_epoch = :epoch,"
                + " granted_at = :now"
                + " where registered_client_id = :client and principal_name = :principal")
        .param("authorities", authorities)
        .param("epoch", epoch)
        .param("now", now)
        .param("client", consent.getRegisteredClientId())
        .param("principal", consent.getPrincipalName())
        .update();
  }

  private Optional<Integer> currentEpoch(String registeredClientId) {
    return Optional.ofNullable(clients.findById(registeredClientId))
        .flatMap(clients::application)
        .map(Application::consentEpoch);
  }
}
