package dev.portico.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.system.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
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
  @Operation(
      summary = "Who the credential acts for (any scope; the email with `OAuth2ReadPII` only)")
  SessionInfo sessionInfo(ApiCaller caller) {
    UUID companyId = caller.companyId();
    return new SessionInfo(
        caller.userId(),
        caller.name(),
        caller.has(Scope.OAuth2ReadPII) ? caller.email() : null,
        caller.light(),
        companyId == null
            ? null
            : new SessionCompany(companyId, String.valueOf(caller.companyName())),
        caller.clientId(),
        caller.scopeBits(),
        caller.role());
  }

  @GetMapping("/api/companies")
  @Operation(summary = "The company the caller belongs to, if any")
  Companies companies(ApiCaller caller) {
    User user = users.user(caller.userId()).orElseThrow(() -> new NotFound("User"));
    List<CompanyItem> items = new ArrayList<>();
    if (user.companyId() != null) {
      accounts
          .account(user.companyId())
          .ifPresent(company -> items.add(CompanyItem.of(company, user.role() == Role.ADMIN)));
    }
    return new Companies(items);
  }

  /** {@code sessioninfo}: {@code company} and {@code role} are null when there is none. */
  record SessionInfo(
      UUID id,
      String name,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "Only for credentials that hold `OAuth2ReadPII`")
          @Nullable String email,
      @JsonProperty("isLight") boolean light,
      @Nullable SessionCompany company,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "Only for OAuth tokens: the application's client id")
          @Nullable String clientId,
      @Schema(description = "The credential's scopes as a bitmask (OAU-4)") int oauth2Scopes,
      @Nullable Role role) {}

  /** The company part of {@code sessioninfo}. */
  record SessionCompany(UUID id, String name) {}

  /** {@code /api/companies}. */
  record Companies(List<CompanyItem> items) {}

  /** One company of {@code /api/companies}. */
  record CompanyItem(
      UUID id,
      String name,
      AccountType type,
      @Schema(description = "The first label of an enterprise's domain")
          @Nullable String domainPrefix,
      @Schema(description = "Whether the caller is an admin of it") boolean admin) {

    static CompanyItem of(Account company, boolean admin) {
      String domain = company.domain();
      return new CompanyItem(
          company.id(),
          company.name(),
          company.type(),
          domain == null
              ? null
              : domain.substring(
                  0, domain.indexOf('.') < 0 ? domain.length() : domain.indexOf('.')),
          admin);
    }
  }
}
