package dev.portico.gateway.internal;

import static dev.portico.system.Sql.ts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.gateway.GatewaySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers the nonces of signed requests so that none is accepted twice (KEY-5), on any node: the
 * database's primary key on {@code gw_nonce} decides, and a local cache answers replays to the same
 * node without a round-trip. Nonces are kept for twice the clock skew: any older request is refused
 * by its {@code Date} anyway.
 */
@Component
class Nonces {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration retention;
  private final Cache<String, Boolean> seen;

  Nonces(JdbcClient jdbc, Clock clock, GatewaySettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = settings.maxClockSkew().multipliedBy(2);
    this.seen =
        Caffeine.newBuilder()
            .maximumSize(settings.nonceLocalCacheSize())
            .expireAfterWrite(retention)
            .build();
  }

  /** Records the nonce; {@code false} when any node saw it before. */
  boolean firstUse(String nonce) {
    if (seen.asMap().putIfAbsent(nonce, Boolean.TRUE) != null) {
      return false;
    }
    try {
      jdbc.sql("insert into gw_nonce (nonce, seen_at) values (:n, :at)")
          .param("n", nonce)
          .param("at", ts(clock.instant()))
          .update();
      return true;
    } catch (DuplicateKeyException replayed) {
      return false;
    }
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void purge() {
    Instant before = clock.instant().minus(retention);
    jdbc.sql("delete from gw_nonce where seen_at < :before").param("before", ts(before)).update();
  }
}
