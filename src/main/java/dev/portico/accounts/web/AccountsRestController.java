package dev.portico.accounts.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountChanges;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountRef;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.Actors;
import dev.portico.accounts.AllocationFacts;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.License;
import dev.portico.accounts.NewAccount;
import dev.portico.accounts.NewUser;
import dev.portico.accounts.Plan;
import dev.portico.accounts.Role;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Provisioning of accounts over REST (SPEC §13, TEN-5): the operator creates, searches and changes
 * accounts; an admin may read their company, and every caller their own personal account ({@code
 * me}). Anything else answers 404, exactly like an account that does not exist.
 */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts", description = "Accounts (provisioning by the operator)")
class AccountsRestController {

  private static final String NOT_OPERATOR =
      "The caller is not the operator: answered like a path that does not exist (`not-found`).";

  private static final String WITH_ALLOCATION =
      " The answer adds the computed `allocation` of the current period and that `period` (USE-1).";

  private final AccountManagement management;
  private final AccountAccess access;
  private final ObjectProvider<AllocationFacts> allocations;

  AccountsRestController(
      AccountManagement management,
      AccountAccess access,
      ObjectProvider<AllocationFacts> allocations) {
    this.management = management;
    this.access = access;
    this.allocations = allocations;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an account with its first admin (operator only)",
      description =
          "Enterprises need a `domain` (their stack's host); other types must not have one. For an"
              + " individual account, `admin` is its owner.")
  @ApiResponse(responseCode = "404", description = NOT_OPERATOR)
  ResponseEntity<AccountBody> createAccount(
      ApiCaller caller, @RequestBody NewAccountRequest body, HttpServletRequest request) {
    access.requireOperator(caller);
    Account account =
        management.createAccount(Actors.of(caller, request), body.toNewAccount(), body.toAdmin());
    return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
        .body(AccountBody.of(account));
  }

  @GetMapping
  @ResponseStatus(HttpStatus.OK)
  @Operation(summary = "Search accounts by type and name or domain (operator only)")
  @ApiResponse(responseCode = "404", description = NOT_OPERATOR)
  ResultPage<AccountBody> searchAccounts(
      ApiCaller caller,
      @RequestParam(required = false) @Nullable AccountType type,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    access.requireOperator(caller);
    return management
        .searchAccounts(type, RestInputs.query(q), new ResultPage.Request(page, size))
        .map(AccountBody::of);
  }

  @GetMapping("/{accountId}")
  @Operation(
      summary = "Read an account (operator, its admins, or `me`)",
      description = WITH_ALLOCATION)
  AccountBody showAccount(ApiCaller caller, @PathVariable AccountRef accountId) {
    UUID id = access.resolve(caller.userId(), accountId);
    return withAllocation(access.requireAccountView(caller, id));
  }

  @PatchMapping("/{accountId}")
  @Operation(
      summary = "Change an account's name, plan, domain or allocation (operator only)",
      description =
          "Fields left out (or null) keep their value; `clearAllocationOverride: true` goes back to"
              + " the plan's allocation. `allocationOverride` is 0 to 1,000,000,000,000."
              + WITH_ALLOCATION)
  AccountBody updateAccount(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestBody AccountChangesRequest body,
      HttpServletRequest request) {
    access.requireOperator(caller);
    UUID id = access.resolve(caller.userId(), accountId);
    return withAllocation(
        management.updateAccount(Actors.of(caller, request), id, body.toAccountChanges()));
  }

  /** The account with its current allocation, when the usage module is there to compute it. */
  private AccountBody withAllocation(Account account) {
    AllocationFacts facts = allocations.getIfAvailable();
    if (facts == null) {
      return AccountBody.of(account);
    }
    AllocationFacts.Current current = facts.current(account.id());
    return AccountBody.of(account)
        .with(current.allocation(), new Period(current.periodStart(), current.periodEnd()));
  }

  /** An account as the API shows it; one account read or changed adds its allocation. */
  record AccountBody(
      UUID id,
      AccountType type,
      String name,
      Plan plan,
      @Nullable String domain,
      LocalDate allocationStart,
      @Nullable Long allocationOverride,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(
              description =
                  "Only when one account is read or changed: the calls the current period allows"
                      + " (the override, else the plan's figure with pro-rated seat additions)")
          @Nullable Long allocation,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "Only when one account is read or changed: the current period")
          @Nullable Period period) {

    static AccountBody of(Account a) {
      return new AccountBody(
          a.id(),
          a.type(),
          a.name(),
          a.plan(),
          a.domain(),
          a.allocationStart(),
          a.allocationOverride(),
          null,
          null);
    }

    AccountBody with(long computedAllocation, Period currentPeriod) {
      return new AccountBody(
          id,
          type,
          name,
          plan,
          domain,
          allocationStart,
          allocationOverride,
          computedAllocation,
          currentPeriod);
    }
  }

  /**
   * An allocation period: a year from the allocation start date, or from its anniversary.
   *
   * @param end the last day of the period, inclusive
   */
  record Period(
      LocalDate start, @Schema(description = "The period's last day (inclusive)") LocalDate end) {}

  /** {@code POST /api/accounts}: the account and its first admin. */
  record NewAccountRequest(
      @Nullable AccountType type,
      @Nullable String name,
      @Nullable Plan plan,
      @Nullable String domain,
      @Nullable LocalDate allocationStart,
      @Nullable Long allocationOverride,
      @Nullable FirstAdmin admin) {

    NewAccount toNewAccount() {
      return new NewAccount(
          type,
          Forms.text(name),
          plan,
          RestInputs.blankToNull(domain),
          allocationStart,
          allocationOverride);
    }

    NewUser toAdmin() {
      FirstAdmin a = admin != null ? admin : new FirstAdmin(null, null, null, null);
      return new NewUser(
          Forms.text(a.email()),
          Forms.text(a.name()),
          Role.ADMIN,
          a.license() != null ? a.license() : License.FULL,
          RestInputs.blankToNull(a.password()));
    }
  }

  /** The first admin of a new account; {@code license} defaults to {@code FULL}. */
  record FirstAdmin(
      @Nullable String email,
      @Nullable String name,
      @Nullable License license,
      @Nullable String password) {}

  /** {@code PATCH /api/accounts/{id}}: what to change; absent fields keep their value. */
  record AccountChangesRequest(
      @Nullable String name,
      @Nullable Plan plan,
      @Nullable String domain,
      @Nullable LocalDate allocationStart,
      @Nullable Long allocationOverride,
      @Nullable Boolean clearAllocationOverride) {

    AccountChanges toAccountChanges() {
      return new AccountChanges(
          name,
          plan,
          RestInputs.blankToNull(domain),
          allocationStart,
          allocationOverride,
          Boolean.TRUE.equals(clearAllocationOverride));
    }
  }
}
