package dev.portico.audit;

import dev.portico.system.Actor;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change (AUD-1): who made it and from where, in which account, what they did to what,
 * and the field-level diff, already stripped of anything that looks like a secret.
 *
 * @param accountId the account the change belongs to, {@code null} for platform-wide changes
 * @param diff field name to "old → new" or the new value, in field-name order
 */
public record AuditEntry(
    UUID id,
    Instant occurredAt,
    Actor actor,
    @Nullable UUID accountId,
    String action,
    String target,
    Map<String, String> diff) {

  public AuditEntry {
    diff = Collections.unmodifiableMap(new TreeMap<>(diff));
  }
}
