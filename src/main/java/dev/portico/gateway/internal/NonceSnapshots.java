package dev.portico.gateway.internal;

import static dev.portico.system.Sql.ts;

import dev.portico.gateway.GatewaySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where {@link MemoryNonceStore} writes its nonces behind and reloads them from: {@code
 * gw_nonce_snapshot}, one row per write holding every identity of the write as a line {@code
 * <access key>\t<nonce>} (access keys and nonces are letters and digits). One insert per write,
 * whatever the traffic: per-row inserts cost the node a tenth of its CPU at 5 000 signed calls a
 * second, measured. The reload also reads {@code gw_nonce} ({@link NonceTable}), so a node switched
 * from the {@code database} store keeps refusing the nonces that store accepted. Rows older than
 * twice the clock skew are deleted every minute.
 */
@Component
class NonceSnapshots implements MemoryNonceStore.Table {

  private final JdbcTemplate jdbc;
  private final NonceTable rows;
  private final Clock clock;
  private final Duration retention;

  NonceSnapshots(JdbcTemplate jdbc, NonceTable rows, Clock clock, GatewaySettings settings) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.clock = clock;
    this.retention = settings.maxClockSkew().multipliedBy(2);
  }

  /** Writes the identities as one row; every one of them counts as written (1). */
  @Override
  public int[] insert(List<NonceStore.Key> keys, Instant seenAt) {
    StringBuilder lines = new StringBuilder(keys.size() * 48);
    for (NonceStore.Key key : keys) {
      lines.append(key.accessKey()).append('\t').append(key.nonce()).append('\n');
    }
    jdbc.update(
        "insert into gw_nonce_snapshot (id, written_at, identities) values (?, ?, ?)",
        UUID.randomUUID(),
        ts(seenAt),
        lines.toString());
    int[] written = new int[keys.size()];
    Arrays.fill(written, 1);
    return written;
  }

  @Override
  public void forEachSince(Instant since, BiConsumer<NonceStore.Key, Instant> row) {
    rows.forEachSince(since, row);
    jdbc.query(
        "select written_at, identities from gw_nonce_snapshot where written_at >= ?",
        rs -> {
          Instant at = rs.getObject(1, OffsetDateTime.class).toInstant();
          String identities = rs.getString(2);
          int start = 0;
          while (start < identities.length()) {
            int end = identities.indexOf('\n', start);
            if (end < 0) {
              end = identities.length();
            }
            int tab = identities.indexOf('\t', start);
            if (tab > start && tab < end) {
              row.accept(
                  new NonceStore.Key(
                      identities.substring(start, tab), identities.substring(tab + 1, end)),
                  at);
            }
            start = end + 1;
          }
        },
        ts(since));
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void purge() {
    jdbc.update(
        "delete from gw_nonce_snapshot where written_at < ?", ts(clock.instant().minus(retention)));
  }
}
