package dev.portico.usage.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.system.NotFound;
import dev.portico.usage.web.UsagePages.UsagePlace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * API usage in the console (USE-6): Company settings → Developer → API usage for the company's
 * admins and the operator, My account → Developer → API usage for every user with a full license,
 * for their personal account. Members, light users, other companies' admins and unknown ids get
 * 404, like every page of an account one may not manage.
 */
@Controller
class UsageController {

  private static final Logger log = LoggerFactory.getLogger(UsageController.class);

  private final AccountAccess access;
  private final AccountManagement accounts;
  private final UsagePages pages;

  UsageController(AccountAccess access, AccountManagement accounts, UsagePages pages) {
    Assert.notNull(access, "access cannot be null");
    Assert.notNull(accounts, "accounts cannot be null");
    Assert.notNull(pages, "pages cannot be null");
    this.access = access;
    this.accounts = accounts;
    this.pages = pages;
  }

  @GetMapping("/accounts/{accountId}/developer/api-usage")
  String showCompanyUsage(
      User me,
      @PathVariable UUID accountId,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String by,
      @RequestParam(required = false) @Nullable String page,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return pages.showUsage(
        companyPlace(me, accountId), from, to, by, page, request, response, model);
  }

  @GetMapping("/accounts/{accountId}/developer/api-usage/export")
  ResponseEntity<String> exportCompanyUsage(
      User me,
      @PathVariable UUID accountId,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String by) {
    return pages.export(companyPlace(me, accountId), from, to, by);
  }

  @GetMapping("/my/developer/api-usage")
  String showMyUsage(
      User me,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String by,
      @RequestParam(required = false) @Nullable String page,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return pages.showUsage(myPlace(me), from, to, by, page, request, response, model);
  }

  @GetMapping("/my/developer/api-usage/export")
  ResponseEntity<String> exportMyUsage(
      User me,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String by) {
    return pages.export(myPlace(me), from, to, by);
  }

  /** A bad range or grouping in an export link: 400 naming the fields, never the values. */
  @ExceptionHandler
  ResponseEntity<String> badExport(UsageParameters.Invalid e) {
    log.warn("Console request refused: 400 invalid usage export parameters");
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.TEXT_PLAIN)
        .body(
            e.violations().stream()
                .map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("\n", "", "\n")));
  }

  private UsagePlace companyPlace(User me, UUID accountId) {
    Account company = access.requireCompanyAdmin(me.id(), accountId);
    String developer = "/accounts/" + company.id() + "/developer";
    return new UsagePlace(company, developer + "/api-usage", developer);
  }

  private UsagePlace myPlace(User me) {
    if (me.isLight()) {
      // light users have no developer settings (DEV-1)
      throw new NotFound("Page");
    }
    Account personal =
        accounts.account(me.personalAccountId()).orElseThrow(() -> new NotFound("Account"));
    return new UsagePlace(personal, "/my/developer/api-usage", "/my/developer");
  }
}
