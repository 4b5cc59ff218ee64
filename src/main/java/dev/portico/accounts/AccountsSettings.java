package dev.portico.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounts module.
 *
 * @param publicHost the canonical host of the public stack (TEN-4)
 * @param loginMaxFailures failed console logins for one email before it is locked
 * @param loginLockout how long a locked email must wait; failures older than this are forgotten
 * @param invitationValidity how long an invitation to join a company can be accepted (TEN-6)
 */
@ConfigurationProperties("portico.accounts")
public record AccountsSettings(
    @DefaultValue("localhost") String publicHost,
    @DefaultValue("5") int loginMaxFailures,
    @DefaultValue("15m") Duration loginLockout,
    @DefaultValue("7d") Duration invitationValidity) {}
