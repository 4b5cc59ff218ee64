package dev.portico.apikeys.web;

import dev.portico.accounts.User;
import dev.portico.apikeys.ApiKeyManagement;
import dev.portico.system.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
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
 * My account → Developer → API keys (KEY-1, KEY-2): every user manages the keys of their personal
 * account, which always act for them, whatever a form says; at most {@code individualKeyLimit} of
 * them. A new key's secret is shown once, in the answer to the creation form, and never again.
 */
@Controller
@RequestMapping(MyApiKeysController.BASE)
class MyApiKeysController {

  static final String BASE = "/my/developer/api-keys";

  private final ApiKeyManagement management;
  private final ApiKeyPages pages;

  MyApiKeysController(ApiKeyManagement management, ApiKeyPages pages) {
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(pages, "pages cannot be null");
    this.management = management;
    this.pages = pages;
  }

  @GetMapping
  String listKeys(
      User me,
      @RequestParam(defaultValue = "created") String sort,
      @RequestParam(defaultValue = "desc") String dir,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    return pages.showKeys(place(me), me, sort, dir, page, request, model);
  }

  @GetMapping("/new")
  String initCreationForm(User me, Model model) {
    return pages.showForm(place(me), new ApiKeyForm(), model);
  }

  @PostMapping("/new")
  String processCreationForm(
      User me,
      Actor actor,
      @ModelAttribute("apiKey") ApiKeyForm form,
      BindingResult result,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return pages.processForm(place(me), actor, me.id(), form, result, request, response, model);
  }

  @PostMapping("/{keyId}/delete")
  String processDeletion(
      User me, Actor actor, @PathVariable UUID keyId, RedirectAttributes redirect) {
    return pages.processDeletion(place(me), actor, keyId, redirect);
  }

  private ApiKeyPlace place(User me) {
    return new ApiKeyPlace(management.requireManageable(me, me.personalAccountId()), false, BASE);
  }
}
