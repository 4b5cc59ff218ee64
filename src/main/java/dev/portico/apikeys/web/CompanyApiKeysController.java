package dev.portico.apikeys.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.User;
import dev.portico.apikeys.ApiKeyManagement;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Company settings → Developer → API keys (KEY-1, KEY-2, KEY-4): the company's admins (and the
 * operator) manage every key of the company, each acting for one of its members, chosen on the
 * form. A new key's secret is shown once, in the answer to the creation form, and never again.
 */
@Controller
@RequestMapping("/accounts/{accountId}/developer/api-keys")
class CompanyApiKeysController {

  private final ApiKeyManagement management;
  private final ApiKeyPages pages;

  CompanyApiKeysController(ApiKeyManagement management, ApiKeyPages pages) {
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(pages, "pages cannot be null");
    this.management = management;
    this.pages = pages;
  }

  @GetMapping
  String listKeys(
      User me,
      @PathVariable UUID accountId,
      @RequestParam(defaultValue = "created") String sort,
      @RequestParam(defaultValue = "desc") String dir,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    return pages.showKeys(place(me, accountId), me, sort, dir, page, request, model);
  }

  @GetMapping("/new")
  String initCreationForm(User me, @PathVariable UUID accountId, Model model) {
    return pages.showForm(place(me, accountId), new ApiKeyForm(), model);
  }

  /** The "Acts for" options matching what the admin typed (htmx). */
  @GetMapping("/new/user-choices")
  String showUserChoices(
      User me,
      @PathVariable UUID accountId,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable String userId,
      Model model) {
    return pages.showUserChoices(place(me, accountId), q, userId, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @ModelAttribute("apiKey") ApiKeyForm form,
      BindingResult result,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return pages.processForm(
        place(me, accountId), actor, form.chosenUser(), form, result, request, response, model);
  }

  @PostMapping("/{keyId}/delete")
  String processDeletion(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID keyId,
      RedirectAttributes redirect) {
    return pages.processDeletion(place(me, accountId), actor, keyId, redirect);
  }

  private ApiKeyPlace place(User me, UUID accountId) {
    Account account = management.requireManageable(me, accountId);
    if (!account.isCompanyType()) {
      // Personal keys live under My account, whoever asks.
      throw new NotFound("Account");
    }
    return new ApiKeyPlace(account, true, "/accounts/" + account.id() + "/developer/api-keys");
  }
}
