package dev.portico.authserver;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * What a user does with their own grants (OAU-5): Revoke. Only a grant the user holds can be
 * revoked: any other application id, whoever's grant it is, is {@link NotFound} and changes
 * nothing, so ids cannot be probed.
 */
@Service
public class UserGrants {

  private final GrantLists lists;
  private final Grants grants;
  private final ApplicationEventPublisher events;

  UserGrants(GrantLists lists, Grants grants, ApplicationEventPublisher events) {
    Assert.notNull(lists, "lists cannot be null");
    Assert.notNull(grants, "grants cannot be null");
    Assert.notNull(events, "events cannot be null");
    this.lists = lists;
    this.grants = grants;
    this.events = events;
  }

  /**
   * Ends the user's whole grant to the application at once (every authorization, so every code,
   * access and refresh token of it) and records it in the audit trail; answers what was revoked.
   */
  @Transactional
  public UserGrant revoke(Actor actor, User me, UUID applicationId) {
    UserGrant grant =
        lists.granted(me.id(), applicationId).orElseThrow(() -> new NotFound("Grant"));
    int ended = grants.revoke(me.id(), applicationId);
    String scopes =
        grant.scopes().stream().map(Scope::name).collect(Collectors.joining(", ", "", " → none"));
    events.publishEvent(
        new GrantRevokedByUser(
            actor,
            me.homeAccountId(),
            me.id(),
            applicationId,
            grant.application().name(),
            ended,
            Map.of("scopes", scopes)));
    return grant;
  }
}
