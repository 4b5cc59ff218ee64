package dev.portico.audit;

import dev.portico.audit.internal.AuditEntries;
import dev.portico.system.ResultPage;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Reads the audit trail, newest first: the console pages and the REST API ({@code GET
 * /api/developer/accounts/{accountId}/audit}) share it. It checks no roles: callers first make sure
 * the caller may see the account ({@code AccountAccess}).
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

  /** Entries per console page. */
  public static final int PAGE_SIZE = 50;

  private final AuditEntries entries;

  AuditTrail(AuditEntries entries) {
    Assert.notNull(entries, "entries cannot be null");
    this.entries = entries;
  }

  /** The entries of one account that match the filter. */
  public ResultPage<AuditEntry> forAccount(
      UUID accountId, AuditFilter filter, ResultPage.Request page) {
    Assert.notNull(accountId, "accountId cannot be null");
    return entries.search(accountId, filter, page);
  }

  /** The entries of every account, and platform-wide ones, that match the filter. */
  public ResultPage<AuditEntry> all(AuditFilter filter, ResultPage.Request page) {
    return entries.search(null, filter, page);
  }
}
