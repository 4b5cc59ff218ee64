package dev.portico.system;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A past-tense event of a change worth recording in the audit trail (AUD-1). Feature modules
 * publish events implementing it; the audit module listens without importing them.
 */
public interface AuditableEvent {

  /** Who made the change. */
  Actor actor();

  /** The account the change belongs to, {@code null} for platform-wide changes. */
  @Nullable UUID accountId();

  /** A stable action name such as {@code user.added}. */
  String action();

  /** What was changed, for example {@code user bob@acme.test}. */
  String target();

  /** Field-level diff: field name to "old → new" or the new value. Never holds a secret. */
  Map<String, String> diff();
}
