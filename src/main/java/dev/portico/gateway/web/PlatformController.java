package dev.portico.gateway.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.system.NotFound;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in endpoints with the reference platform's shapes (API-2): who am I ({@code
 * sessioninfo}) and my companies. JSON is served for {@code application/json} and for the vendor
 * types {@code application/vnd.onshape.v1+json} (any {@code +json} type, API-4).
 */
@RestController
@Tag(name = "Platform", description = "Built-in endpoints with the reference platform's shapes")
class PlatformController {

  private final AccountManagement accounts;
  private final UserManagement users;

  PlatformController(AccountManagement accounts, UserManagement users) {
    this.accounts = accounts;
    this.users = users;
  }

  /** Answered from the authenticated caller alone: no database round-trip on this hot path. */
  @GetMapping("/api/users/sessioninfo")
  Map<String, @Nullable Object> sessionInfo(ApiCaller caller) {
    Map<String, @Nullable Object> info = new LinkedHashMap<>();
    info.put("id", caller.userId().toString());
    info.put("name", caller.name());
    if (caller.has(Scope.OAuth2ReadPII)) {
      info.put("email", caller.email());
    }
    info.put("isLight", caller.light());
    UUID companyId = caller.companyId();
    info.put(
        "company",
        companyId == null
            ? null
            : Map.of("id", companyId.toString(), "name", String.valueOf(caller.companyName())));
    if (caller.clientId() != null) {
      info.put("clientId", caller.clientId());
    }
    info.put("oauth2Scopes", caller.scopeBits());
    info.put("role", caller.role() == null ? null : caller.role().name());
    return info;
  }

  @GetMapping("/api/companies")
  Map<String, Object> companies(ApiCaller caller) {
    User user = users.user(caller.userId()).orElseThrow(() -> new NotFound("User"));
    List<Map<String, @Nullable Object>> items = new ArrayList<>();
    if (user.companyId() != null) {
      accounts
          .account(user.companyId())
          .ifPresent(company -> items.add(company(company, user.role() == Role.ADMIN)));
    }
    return Map.of("items", items);
  }

  private static Map<String, @Nullable Object> company(Account company, boolean admin) {
    Map<String, @Nullable Object> item = new LinkedHashMap<>();
    item.put("id", company.id().toString());
    item.put("name", company.name());
    item.put("type", company.type().name());
    String domain = company.domain();
    item.put(
        "domainPrefix",
        domain == null
            ? null
            : domain.substring(0, domain.indexOf('.') < 0 ? domain.length() : domain.indexOf('.')));
    item.put("admin", admin);
    return item;
  }
}
