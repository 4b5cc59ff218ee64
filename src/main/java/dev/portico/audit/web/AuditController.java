package dev.portico.audit.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.audit.AuditEntry;
import dev.portico.audit.AuditFilter;
import dev.portico.audit.AuditTrail;
import dev.portico.system.Htmx;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log (AUD-1): Company settings → Audit log shows an admin their account's entries only;
 * Operator → Audit log shows the operator every entry. Newest first, 50 a page, filtered by action
 * prefix and by text in the actor's email or the target.
 */
@Controller
class AuditController {

  private final AuditTrail trail;
  private final AccountAccess access;
  private final AccountManagement management;

  AuditController(AuditTrail trail, AccountAccess access, AccountManagement management) {
    Assert.notNull(trail, "trail cannot be null");
    Assert.notNull(access, "access cannot be null");
    Assert.notNull(management, "management cannot be null");
    this.trail = trail;
    this.access = access;
    this.management = management;
  }

  @GetMapping("/accounts/{accountId}/audit")
  String showAccountLog(
      User me,
      @PathVariable UUID accountId,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    AuditFilter filter = new AuditFilter(action, q);
    ResultPage<AuditEntry> entries = trail.forAccount(account.id(), filter, pageRequest(page));
    model.addAttribute("account", account);
    addLog(model, "/accounts/" + account.id() + "/audit", filter, entries);
    return view(request);
  }

  @GetMapping("/operator/audit")
  String showOperatorLog(
      User me,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    access.requireOperator(me.id());
    AuditFilter filter = new AuditFilter(action, q);
    ResultPage<AuditEntry> entries = trail.all(filter, pageRequest(page));
    model.addAttribute("accounts", accountsOf(entries));
    addLog(model, "/operator/audit", filter, entries);
    return view(request);
  }

  private static ResultPage.Request pageRequest(int page) {
    return new ResultPage.Request(page, AuditTrail.PAGE_SIZE);
  }

  private static void addLog(
      Model model, String base, AuditFilter filter, ResultPage<AuditEntry> entries) {
    model.addAttribute("base", base);
    model.addAttribute("entries", entries);
    model.addAttribute("changes", changesOf(entries));
    model.addAttribute("action", Objects.requireNonNullElse(filter.actionPrefix(), ""));
    model.addAttribute("q", Objects.requireNonNullElse(filter.text(), ""));
    model.addAttribute("filtered", filter.actionPrefix() != null || filter.text() != null);
  }

  /** Each entry's changes as the Changes column shows them: one short line per field. */
  static Map<UUID, List<Change>> changesOf(ResultPage<AuditEntry> entries) {
    Map<UUID, List<Change>> changes = new HashMap<>();
    for (AuditEntry entry : entries.items()) {
      changes.put(
          entry.id(),
          entry.diff().entrySet().stream()
              .map(field -> Change.of(field.getKey(), field.getValue()))
              .toList());
    }
    return changes;
  }

  /**
   * One field of an entry's diff in the Changes column: one line, cut to {@link #SHOWN} characters
   * with the full value on hover and when expanded.
   *
   * @param shown the value, cut with "…" when longer than {@link #SHOWN}
   * @param full the value as recorded
   * @param cut whether {@code shown} is shorter than {@code full}
   */
  public record Change(String field, String shown, String full, boolean cut) {

    static final int SHOWN = 48;

    static Change of(String field, String value) {
      // Stored values are on one line already (the recorder turns control characters to spaces).
      if (value.length() <= SHOWN) {
        return new Change(field, value, value, false);
      }
      int end = SHOWN - 1;
      if (Character.isHighSurrogate(value.charAt(end - 1))) {
        end--; // never split a character in two
      }
      return new Change(field, value.substring(0, end) + "…", value, true);
    }
  }

  /** The accounts the page's entries belong to, so the operator sees names rather than ids. */
  private Map<UUID, Account> accountsOf(ResultPage<AuditEntry> entries) {
    Map<UUID, Account> accounts = new HashMap<>();
    for (AuditEntry entry : entries.items()) {
      UUID id = entry.accountId();
      if (id != null && !accounts.containsKey(id)) {
        management.account(id).ifPresent(a -> accounts.put(id, a));
      }
    }
    return accounts;
  }

  private static String view(HttpServletRequest request) {
    return Htmx.view(request, "audit/log", "table");
  }
}
