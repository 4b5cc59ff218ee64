package dev.portico.store.web;

import dev.portico.accounts.User;
import dev.portico.store.StoreCatalog;
import dev.portico.store.StoreCategory;
import dev.portico.store.StoreSubscriptions;
import dev.portico.system.ResultPage;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Store (STO-4) for every signed-in user: the entries they may see ({@link StoreCatalog}),
 * searched and filtered by category, and Subscribe / Unsubscribe on an entry's page (plain POST
 * forms with CSRF; an entry the user may not see is a 404).
 */
@Controller
class StorePageController {

  static final int PAGE_SIZE = 24;

  private final StoreCatalog catalog;
  private final StoreSubscriptions subscriptions;

  StorePageController(StoreCatalog catalog, StoreSubscriptions subscriptions) {
    this.catalog = catalog;
    this.subscriptions = subscriptions;
  }

  @GetMapping("/store")
  String showStore(
      User me,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    StoreCategory chosen = category(category);
    StoreCatalog.Listing listing =
        catalog.search(me, q, chosen, new ResultPage.Request(page, PAGE_SIZE));
    String text = q == null ? "" : q.strip();
    model.addAttribute("q", text);
    model.addAttribute("category", chosen);
    model.addAttribute("categories", StoreCategory.values());
    model.addAttribute("listing", listing);
    model.addAttribute("results", listing.entries());
    model.addAttribute(
        "link",
        UriComponentsBuilder.fromPath("/store")
            .queryParamIfPresent("q", java.util.Optional.of(text).filter(t -> !t.isEmpty()))
            .queryParamIfPresent(
                "category", java.util.Optional.ofNullable(chosen).map(StoreCategory::name))
            .encode()
            .toUriString());
    return "store/store";
  }

  @PostMapping("/store/entries/{entryId}/subscribe")
  String subscribe(User me, @PathVariable UUID entryId, RedirectAttributes redirect) {
    boolean added = subscriptions.subscribe(me, entryId);
    redirect.addFlashAttribute("flash", added ? "Subscribed." : "You were subscribed already.");
    return "redirect:/store/entries/" + entryId;
  }

  @PostMapping("/store/entries/{entryId}/unsubscribe")
  String unsubscribe(User me, @PathVariable UUID entryId, RedirectAttributes redirect) {
    subscriptions.unsubscribe(me, entryId);
    redirect.addFlashAttribute("flash", "Unsubscribed.");
    return "redirect:/store/entries/" + entryId;
  }

  /** The category asked for; an unknown one is no filter (never a 500). */
  private static @Nullable StoreCategory category(@Nullable String name) {
    return Arrays.stream(StoreCategory.values())
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElse(null);
  }
}
