package dev.portico.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications module (NOT-1). SMTP itself is Spring Boot's {@code spring.mail.*};
 * without {@code spring.mail.host} emails are kept in the outbox as held (NOT-2).
 *
 * @param baseUrl the console's address as users reach it, for the links in emails (e.g. {@code
 *     https://portico.example.com}); empty means {@code https://} + {@code
 *     portico.accounts.public-host}
 * @param from the sender of every email
 * @param pollInterval how often each node looks for emails due to be sent
 * @param batchSize how many emails one node claims, and sends over one SMTP connection, at a time
 * @param claimTimeout how long a claim keeps other nodes off an email; a node that dies while
 *     sending frees its emails after this (then they are sent again: at-least-once)
 * @param retryInitial the wait before the first retry of a failed send
 * @param retryMultiplier how much each further retry waits longer than the previous one
 * @param retryMax the longest wait between two retries; an email is retried until it is sent
 * @param resubmitInterval how often event publications whose notification listener failed are
 *     handed to it again
 */
@ConfigurationProperties("portico.notifications")
public record NotificationsSettings(
    @DefaultValue("") String baseUrl,
    @DefaultValue("Portico <no-reply@portico.invalid>") String from,
    @DefaultValue("5s") Duration pollInterval,
    @DefaultValue("50") int batchSize,
    @DefaultValue("5m") Duration claimTimeout,
    @DefaultValue("30s") Duration retryInitial,
    @DefaultValue("2") double retryMultiplier,
    @DefaultValue("1h") Duration retryMax,
    @DefaultValue("1m") Duration resubmitInterval) {

  /** How long to wait before the next try after this many failed ones (1 = the first failure). */
  public Duration retryDelay(int failedAttempts) {
    double factor = Math.pow(retryMultiplier, Math.max(0, failedAttempts - 1));
    double millis = retryInitial.toMillis() * factor;
    if (Double.isNaN(millis) || millis >= retryMax.toMillis()) {
      return retryMax;
    }
    return Duration.ofMillis((long) millis);
  }
}
