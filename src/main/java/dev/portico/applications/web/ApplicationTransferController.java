package dev.portico.applications.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.applications.ApplicationTransfers;
import dev.portico.applications.TransferTarget;
import dev.portico.system.Actor;
import dev.portico.system.Htmx;
import dev.portico.system.InvalidInput;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Details → Transfer ownership (OWN-1): find a person by name or email (search as you type with
 * htmx; the same search as a plain GET without it) or pick a company the user administers (the
 * operator searches any), confirm on a page that says what changes, then transfer. Managers only;
 * anyone else gets a 404, exactly as for an app that does not exist.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}/transfer")
class ApplicationTransferController {

  private static final int MAX_RESULTS = 20;

  private final ApplicationPlaces places;
  private final ApplicationTransfers transfers;
  private final ApplicationAccess access;
  private final AccountManagement accounts;

  ApplicationTransferController(
      ApplicationPlaces places,
      ApplicationTransfers transfers,
      ApplicationAccess access,
      AccountManagement accounts) {
    this.places = places;
    this.transfers = transfers;
    this.access = access;
    this.accounts = accounts;
  }

  @GetMapping
  String showSearch(
      User me,
      @PathVariable UUID appId,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String cq,
      HttpServletRequest request,
      Model model) {
    ApplicationPlace place = places.forManager(me, appId);
    model.addAttribute("place", place);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("cq", cq == null ? "" : cq);
    model.addAttribute("people", transfers.people(q, MAX_RESULTS));
    model.addAttribute("companies", companies(me, place.app(), cq));
    model.addAttribute("operator", me.operator());
    return Htmx.view(request, "applications/application-transfer", "people");
  }

  @GetMapping("/confirm")
  String confirm(
      User me,
      @PathVariable UUID appId,
      @RequestParam(required = false) @Nullable UUID toUserId,
      @RequestParam(required = false) @Nullable UUID toAccountId,
      HttpServletResponse response,
      Model model) {
    ApplicationPlace place = places.forManager(me, appId);
    TransferTarget target = new TransferTarget(toUserId, toAccountId);
    model.addAttribute("place", place);
    try {
      Account to = transfers.newOwner(me, me.operator(), place.app(), target);
      model.addAttribute("target", target);
      model.addAttribute("newOwner", transfers.ownerLabel(to));
      model.addAttribute("oldOwner", transfers.ownerLabel(place.owner()));
      return "applications/application-transfer-confirm";
    } catch (InvalidInput e) {
      return refused(me, place, e, response, model);
    }
  }

  @PostMapping
  String transfer(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @RequestParam(required = false) @Nullable UUID toUserId,
      @RequestParam(required = false) @Nullable UUID toAccountId,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    ApplicationPlace place = places.forManager(me, appId);
    Application app;
    String newOwner;
    try {
      app =
          transfers.transfer(
              actor, me, me.operator(), place.app(), new TransferTarget(toUserId, toAccountId));
      newOwner = accounts.account(app.ownerAccountId()).map(transfers::ownerLabel).orElse("");
    } catch (InvalidInput e) {
      return refused(me, place, e, response, model);
    }
    redirect.addFlashAttribute(
        "flash", "Transferred the OAuth application “" + app.name() + "” to " + newOwner + ".");
    boolean stillVisible = access.roleOf(me, app).isPresent();
    return "redirect:" + (stillVisible ? place.base() : place.list());
  }

  /** The search page again, with why the choice cannot own the app: 422, nothing changed. */
  private String refused(
      User me, ApplicationPlace place, InvalidInput e, HttpServletResponse response, Model model) {
    response.setStatus(422);
    model.addAttribute("place", place);
    model.addAttribute("q", "");
    model.addAttribute("cq", "");
    model.addAttribute("people", List.of());
    model.addAttribute("companies", companies(me, place.app(), null));
    model.addAttribute("operator", me.operator());
    model.addAttribute(
        "problem",
        e.violations().isEmpty() ? "cannot be transferred" : e.violations().get(0).message());
    return "applications/application-transfer";
  }

  /** The companies offered: the one the user administers, or those the operator searched for. */
  private List<Account> companies(User me, Application app, @Nullable String cq) {
    List<Account> found;
    if (me.operator()) {
      found =
          cq == null || cq.isBlank()
              ? List.of()
              : accounts.searchAccounts(null, cq, new ResultPage.Request(0, 50)).items();
    } else {
      UUID company = me.companyId();
      found =
          company != null && me.isAdminOf(company)
              ? accounts.account(company).map(List::of).orElse(List.of())
              : List.of();
    }
    return found.stream()
        .filter(Account::isCompanyType)
        .filter(a -> !a.id().equals(app.ownerAccountId()))
        .limit(MAX_RESULTS)
        .toList();
  }
}
