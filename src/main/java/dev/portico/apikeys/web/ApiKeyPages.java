package dev.portico.apikeys.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.Scope;
import dev.portico.accounts.Stack;
import dev.portico.accounts.StackResolver;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.apikeys.ApiKey;
import dev.portico.apikeys.ApiKeyManagement;
import dev.portico.apikeys.ApiKeyOrder;
import dev.portico.apikeys.ApiKeysSettings;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.Htmx;
import dev.portico.system.InvalidInput;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the two API-key consoles (Company settings and My account) do alike: the sorted, paged
 * table, the creation form, the one-time view of a new secret and deletion. The controllers decide
 * the {@link ApiKeyPlace} and who a new key acts for; everything else is here, once. Lists are
 * sorted, paged and counted in the database; the page's users are read in one query.
 */
@Component
class ApiKeyPages {

  static final int PAGE_SIZE = 25;

  /** How many members the "Acts for" picker offers at a time; a search finds the others. */
  static final int USER_CHOICES = 50;

  private final ApiKeyManagement management;
  private final UserManagement users;
  private final StackResolver stacks;
  private final ApiKeysSettings settings;

  ApiKeyPages(
      ApiKeyManagement management,
      UserManagement users,
      StackResolver stacks,
      ApiKeysSettings settings) {
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(users, "users cannot be null");
    Assert.notNull(stacks, "stacks cannot be null");
    Assert.notNull(settings, "settings cannot be null");
    this.management = management;
    this.users = users;
    this.stacks = stacks;
    this.settings = settings;
  }

  /** The table of the place's keys, or only the table for an htmx request. */
  String showKeys(
      ApiKeyPlace place,
      User me,
      String sort,
      String dir,
      int page,
      HttpServletRequest request,
      Model model) {
    List<ApiKeyColumn> columns = place.company() ? ApiKeyColumn.ALL : ApiKeyColumn.PERSONAL;
    ApiKeyOrder order =
        ApiKeyOrder.ofParam(sort)
            .filter(o -> columns.stream().anyMatch(c -> c.sortable() && c.key().equals(o.param())))
            .orElse(ApiKeyOrder.CREATED);
    boolean ascending = "asc".equals(dir);
    ResultPage<ApiKey> keys =
        management.keys(
            place.account().id(), order, ascending, new ResultPage.Request(page, PAGE_SIZE));
    model.addAttribute("place", place);
    model.addAttribute("keys", rows(place, me, keys));
    model.addAttribute("columns", columns);
    model.addAttribute("sort", order.param());
    model.addAttribute("dir", ascending ? "asc" : "desc");
    addCap(place, keys.total(), model);
    return Htmx.view(request, "apikeys/api-keys", "table");
  }

  String showForm(ApiKeyPlace place, ApiKeyForm form, Model model) {
    model.addAttribute("place", place);
    model.addAttribute("apiKey", form);
    model.addAttribute("scopes", List.of(Scope.values()));
    if (place.company()) {
      model.addAttribute("members", userChoices(place.account(), null, form.chosenUser()));
    }
    // only individual accounts have a cap: a company's million keys are not counted for nothing
    addCap(place, place.company() ? 0 : management.countKeys(place.account().id()), model);
    return "apikeys/api-key-new";
  }

  /**
   * The "Acts for" options as the admin types (htmx): the chosen user stays, then the first active
   * members whose name or email matches.
   */
  String showUserChoices(ApiKeyPlace place, String q, @Nullable String chosen, Model model) {
    ApiKeyForm form = new ApiKeyForm();
    form.setUserId(chosen);
    model.addAttribute("apiKey", form);
    model.addAttribute("members", userChoices(place.account(), q, form.chosenUser()));
    return "apikeys/api-key-new :: userOptions";
  }

  String processForm(
      ApiKeyPlace place,
      Actor actor,
      @Nullable UUID user,
      ApiKeyForm form,
      BindingResult result,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (form.hasUnknownScope()) {
      result.rejectValue("scopes", "unknown", "contains a scope that does not exist");
      return showForm(place, form, model);
    }
    Stack stack = stacks.resolve(request.getHeader(HttpHeaders.HOST));
    try {
      IssuedApiKey issued =
          management.create(actor, place.account().id(), form.toNewApiKey(user), stack);
      return showIssued(place, issued, stack, response, model);
    } catch (InvalidInput e) {
      reject(
          e,
          result,
          place.company() ? Set.of("name", "userId", "scopes") : Set.of("name", "scopes"));
    } catch (Conflict e) {
      String view = showForm(place, form, model);
      model.addAttribute("atCap", true);
      model.addAttribute("capMessage", String.valueOf(e.getMessage()));
      return view;
    }
    return showForm(place, form, model);
  }

  String processDeletion(ApiKeyPlace place, Actor actor, UUID keyId, RedirectAttributes redirect) {
    ApiKey deleted = management.delete(actor, place.account().id(), keyId);
    redirect.addFlashAttribute(
        "flash", "Deleted the API key “" + deleted.name() + "” (" + deleted.accessKey() + ").");
    return "redirect:" + place.base();
  }

  /**
   * The one-time view of a new key's secret: rendered straight into the POST response, never
   * redirected to, never kept in the session, never cached.
   */
  private String showIssued(
      ApiKeyPlace place,
      IssuedApiKey issued,
      Stack stack,
      HttpServletResponse response,
      Model model) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    ApiKey key = issued.key();
    model.addAttribute("place", place);
    model.addAttribute("issued", issued);
    model.addAttribute("row", row(key, users.user(key.userId()).orElse(null), ""));
    model.addAttribute("worksOn", "any".equals(key.stackKey()) ? "every stack" : stack.host());
    return "apikeys/api-key-created";
  }

  /** The page's rows with their users, read in one query for the whole page. */
  private ResultPage<ApiKeyRow> rows(ApiKeyPlace place, User me, ResultPage<ApiKey> keys) {
    if (!place.company()) {
      return keys.map(k -> row(k, k.userId().equals(me.id()) ? me : null, ""));
    }
    Map<UUID, User> byId =
        users.users(keys.items().stream().map(ApiKey::userId).collect(Collectors.toSet())).stream()
            .collect(Collectors.toMap(User::id, Function.identity()));
    UUID companyId = place.account().id();
    return keys.map(
        k -> {
          User user = byId.get(k.userId());
          if (user == null || !user.isMemberOf(companyId)) {
            // The key no longer works, but the row still says whose it was.
            return row(k, user, "left the company");
          }
          return row(k, user, user.isActive() ? "" : "suspended");
        });
  }

  private static ApiKeyRow row(ApiKey key, @Nullable User user, String userNote) {
    return user == null
        ? new ApiKeyRow(key, "", "", userNote)
        : new ApiKeyRow(key, user.name(), user.email(), userNote);
  }

  /** The chosen user (if an active member) and the first active members matching the text. */
  private List<User> userChoices(Account company, @Nullable String q, @Nullable UUID chosen) {
    List<User> choices = new ArrayList<>();
    if (chosen != null) {
      users
          .user(chosen)
          .filter(u -> u.isMemberOf(company.id()) && u.isActive())
          .ifPresent(choices::add);
    }
    String query = q == null || q.isBlank() ? null : q.length() > 100 ? q.substring(0, 100) : q;
    users.candidates(company.id(), query, true, USER_CHOICES).stream()
        .filter(u -> !u.id().equals(chosen))
        .forEach(choices::add);
    return choices;
  }

  /** Individual accounts hold at most a few keys (KEY-1): say so before the user tries. */
  private void addCap(ApiKeyPlace place, long keyCount, Model model) {
    int limit = settings.individualKeyLimit();
    boolean atCap = !place.company() && keyCount >= limit;
    model.addAttribute("atCap", atCap);
    model.addAttribute(
        "capMessage",
        atCap
            ? "An individual account may hold at most "
                + limit
                + " active API keys. Delete one before creating another."
            : null);
  }

  /** Puts the service's messages next to the fields the form shows; the rest above the form. */
  private static void reject(InvalidInput e, BindingResult result, Set<String> fields) {
    for (InvalidInput.FieldViolation v : e.violations()) {
      if (!fields.contains(v.field())) {
        result.reject("invalid", v.message());
      } else if (!result.hasFieldErrors(v.field())) {
        result.rejectValue(v.field(), "invalid", v.message());
      }
    }
  }
}
