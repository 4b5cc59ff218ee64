package dev.portico.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounts module.
 *
 * @param publicHost the canonical host of the public stack (TEN-4)
 * @param loginMaxFailures console sign-in attempts for one email from one source address within
 *     {@code loginLockout}; beyond it that address is locked for that email until the window ends
 * @param loginMaxFailuresPerEmail console sign-in attempts for one email from all addresses
 *     together within {@code loginLockout}; beyond it the email is locked everywhere until the
 *     window ends (bounds guessing spread over many addresses)
 * @param loginLockout the throttling window: it starts at the first failed attempt, and a lock
 *     lasts until it ends
 * @param invitationValidity how long an invitation to join a company can be accepted (TEN-6)
 */
@ConfigurationProperties("portico.accounts")
public record AccountsSettings(
    @DefaultValue("localhost") String publicHost,
    @DefaultValue("5") int loginMaxFailures,
    @DefaultValue("20") int loginMaxFailuresPerEmail,
    @DefaultValue("15m") Duration loginLockout,
    @DefaultValue("7d") Duration invitationValidity) {}
