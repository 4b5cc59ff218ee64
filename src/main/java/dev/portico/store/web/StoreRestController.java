package dev.portico.store.web;

import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.store.StoreCatalog;
import dev.portico.store.StoreCategory;
import dev.portico.store.StoreEntries;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreSubscriptions;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The store over REST (SPEC §13, STO-4), for an API key or Bearer caller: the entries the caller
 * may see (the same rule and search as the Store page) and their subscription. An entry the caller
 * may not see is a 404, as for one that does not exist; a light user's subscription is a 403.
 */
@RestController
@Tag(name = "Store", description = "The store: entries the caller can see, and subscriptions")
class StoreRestController {

  private static final String ENTRIES = "/api/store/entries";
  private static final String SUBSCRIPTION = ENTRIES + "/{entryId}/subscription";

  private final StoreCatalog catalog;
  private final StoreEntries entries;
  private final StoreSubscriptions subscriptions;
  private final UserManagement users;

  StoreRestController(
      StoreCatalog catalog,
      StoreEntries entries,
      StoreSubscriptions subscriptions,
      UserManagement users) {
    this.catalog = catalog;
    this.entries = entries;
    this.subscriptions = subscriptions;
    this.users = users;
  }

  @GetMapping(ENTRIES)
  @Operation(
      summary = "List the store entries the caller can see, by name",
      description =
          "Every public entry, and the private ones the caller's company shows them (team"
              + " visibility). `q` searches name, summary and vendor; `category` is one of STO-1's"
              + " (e.g. `CAM`, `DATA_EXCHANGE`); an unknown one is a 422.")
  ResultPage<StoreItemBody> listEntries(
      ApiCaller caller,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    User me = caller(caller);
    StoreCategory chosen = category(category);
    return catalog
        .search(me, q, chosen, new ResultPage.Request(page, size))
        .entries()
        .map(e -> StoreItemBody.of(e, subscriptions.isSubscribed(me, e.id())));
  }

  @PostMapping(SUBSCRIPTION)
  @Operation(
      summary = "Subscribe the caller to the entry (idempotent)",
      description =
          "Subscribers see the app's extensions and may authorize it. Light users may not"
              + " subscribe (403); an entry the caller cannot see is a 404.")
  StoreItemBody subscribe(ApiCaller caller, @PathVariable UUID entryId) {
    User me = caller(caller);
    subscriptions.subscribe(me, entryId);
    return StoreItemBody.of(visible(me, entryId), true);
  }

  @DeleteMapping(SUBSCRIPTION)
  @Operation(summary = "Unsubscribe the caller from the entry (idempotent)")
  StoreItemBody unsubscribe(ApiCaller caller, @PathVariable UUID entryId) {
    User me = caller(caller);
    StoreEntry entry = visible(me, entryId);
    subscriptions.unsubscribe(me, entryId);
    return StoreItemBody.of(entry, false);
  }

  private StoreEntry visible(User me, UUID entryId) {
    return entries.visibleTo(me, entryId).orElseThrow(() -> new NotFound("Store entry"));
  }

  private User caller(ApiCaller caller) {
    return users
        .user(caller.userId())
        .filter(User::isActive)
        .orElseThrow(() -> new NotFound("Store entry"));
  }

  private static @Nullable StoreCategory category(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return Arrays.stream(StoreCategory.values())
        .filter(c -> c.name().equals(name.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                InvalidInput.of(
                    "category", "Unknown category: use one of STO-1's, e.g. CAM or UTILITIES."));
  }
}
