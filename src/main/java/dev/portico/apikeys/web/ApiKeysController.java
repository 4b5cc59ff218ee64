package dev.portico.apikeys.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.Scope;
import dev.portico.accounts.Stack;
import dev.portico.accounts.StackResolver;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.apikeys.ApiKey;
import dev.portico.apikeys.ApiKeyManagement;
import dev.portico.apikeys.ApiKeysSettings;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Developer → API keys (KEY-1, KEY-2, KEY-4), in two places: Company settings, where the company's
 * admins (and the operator) manage every key of the company, each acting for one of its members;
 * and My account, where every user manages the keys of their personal account, which act for them.
 * A new key's secret is shown once, in the answer to the creation form, and never again.
 */
@Controller
class ApiKeysController {

  private static final String COMPANY = "/accounts/{accountId}/developer/api-keys";
  private static final String MINE = "/my/developer/api-keys";
  private static final int PAGE_SIZE = 25;
  private static final List<Column> COLUMNS =
      List.of(
          new Column("name", "Name", true),
          new Column("accessKey", "Access key", true),
          new Column("user", "User", true),
          new Column("scopes", "Scopes", false),
          new Column("created", "Created", true),
          new Column("lastUsed", "Last used", true));

  private final ApiKeyManagement management;
  private final UserManagement users;
  private final StackResolver stacks;
  private final ApiKeysSettings settings;

  ApiKeysController(
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

  // ------------------------------------------------ Company settings → Developer → API keys

  @GetMapping(COMPANY)
  String listCompanyKeys(
      User me,
      @PathVariable UUID accountId,
      @RequestParam(defaultValue = "created") String sort,
      @RequestParam(defaultValue = "desc") String dir,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    return showKeys(company(me, accountId), me, sort, dir, page, request, model);
  }

  @GetMapping(COMPANY + "/new")
  String initCompanyCreationForm(User me, @PathVariable UUID accountId, Model model) {
    return showForm(company(me, accountId), new ApiKeyForm(), model);
  }

  @PostMapping(COMPANY + "/new")
  String processCompanyCreationForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @ModelAttribute("apiKey") ApiKeyForm form,
      BindingResult result,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Place place = company(me, accountId);
    return processForm(place, actor, form.chosenUser(), form, result, request, response, model);
  }

  @PostMapping(COMPANY + "/{keyId}/delete")
  String processCompanyDeletion(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID keyId,
      RedirectAttributes redirect) {
    return processDeletion(company(me, accountId), actor, keyId, redirect);
  }

  // ------------------------------------------------ My account → Developer → API keys

  @GetMapping(MINE)
  String listMyKeys(
      User me,
      @RequestParam(defaultValue = "created") String sort,
      @RequestParam(defaultValue = "desc") String dir,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    return showKeys(personal(me), me, sort, dir, page, request, model);
  }

  @GetMapping(MINE + "/new")
  String initMyCreationForm(User me, Model model) {
    return showForm(personal(me), new ApiKeyForm(), model);
  }

  @PostMapping(MINE + "/new")
  String processMyCreationForm(
      User me,
      Actor actor,
      @ModelAttribute("apiKey") ApiKeyForm form,
      BindingResult result,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return processForm(personal(me), actor, me.id(), form, result, request, response, model);
  }

  @PostMapping(MINE + "/{keyId}/delete")
  String processMyDeletion(
      User me, Actor actor, @PathVariable UUID keyId, RedirectAttributes redirect) {
    return processDeletion(personal(me), actor, keyId, redirect);
  }

  // ------------------------------------------------ shared by both places

  private String showKeys(
      Place place,
      User me,
      String sort,
      String dir,
      int page,
      HttpServletRequest request,
      Model model) {
    String sortBy = ApiKeyRow.SORTS.containsKey(sort) ? sort : "created";
    boolean ascending = "asc".equals(dir);
    Comparator<ApiKeyRow> order = Objects.requireNonNull(ApiKeyRow.SORTS.get(sortBy));
    List<ApiKeyRow> sorted =
        rows(place, me).stream().sorted(ascending ? order : order.reversed()).toList();
    model.addAttribute("place", place);
    model.addAttribute("keys", page(sorted, page));
    model.addAttribute(
        "columns", place.company() ? COLUMNS : COLUMNS.stream().filter(c -> !c.isUser()).toList());
    model.addAttribute("sort", sortBy);
    model.addAttribute("dir", ascending ? "asc" : "desc");
    addCap(place, model);
    return "true".equals(request.getHeader("HX-Request"))
        ? "apikeys/api-keys :: table"
        : "apikeys/api-keys";
  }

  private String showForm(Place place, ApiKeyForm form, Model model) {
    model.addAttribute("place", place);
    model.addAttribute("apiKey", form);
    model.addAttribute("scopes", List.of(Scope.values()));
    if (place.company()) {
      model.addAttribute("members", activeMembers(place.account()));
    }
    addCap(place, model);
    return "apikeys/api-key-new";
  }

  private String processForm(
      Place place,
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

  /**
   * The one-time view of a new key's secret: rendered straight into the POST response, never
   * redirected to, never kept in the session, never cached.
   */
  private String showIssued(
      Place place, IssuedApiKey issued, Stack stack, HttpServletResponse response, Model model) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    ApiKey key = issued.key();
    model.addAttribute("place", place);
    model.addAttribute("issued", issued);
    model.addAttribute("row", row(key, users.user(key.userId()).orElse(null), ""));
    model.addAttribute("worksOn", "any".equals(key.stackKey()) ? "every stack" : stack.host());
    return "apikeys/api-key-created";
  }

  private String processDeletion(
      Place place, Actor actor, UUID keyId, RedirectAttributes redirect) {
    ApiKey deleted = management.delete(actor, place.account().id(), keyId);
    redirect.addFlashAttribute(
        "flash", "Deleted the API key “" + deleted.name() + "” (" + deleted.accessKey() + ").");
    return "redirect:" + place.base();
  }

  private Place company(User me, UUID accountId) {
    Account account = management.requireManageable(me, accountId);
    if (!account.isCompanyType()) {
      // Personal keys live under My account, whoever asks.
      throw new NotFound("Account");
    }
    return new Place(account, true, "/accounts/" + account.id() + "/developer/api-keys");
  }

  private Place personal(User me) {
    return new Place(management.requireManageable(me, me.personalAccountId()), false, MINE);
  }

  private List<ApiKeyRow> rows(Place place, User me) {
    List<ApiKey> keys = management.keys(place.account().id());
    if (!place.company()) {
      return keys.stream().map(k -> row(k, k.userId().equals(me.id()) ? me : null, "")).toList();
    }
    Map<UUID, User> members =
        users.members(place.account().id()).stream()
            .collect(Collectors.toMap(User::id, Function.identity()));
    return keys.stream()
        .map(
            k -> {
              User member = members.get(k.userId());
              return member != null
                  ? row(k, member, member.isActive() ? "" : "suspended")
                  : row(k, former(k), "left the company");
            })
        .toList();
  }

  /** The user of a key who left the company: the key no longer works, but the row says whose. */
  private @Nullable User former(ApiKey key) {
    return users.user(key.userId()).orElse(null);
  }

  private static ApiKeyRow row(ApiKey key, @Nullable User user, String userNote) {
    return user == null
        ? new ApiKeyRow(key, "", "", userNote)
        : new ApiKeyRow(key, user.name(), user.email(), userNote);
  }

  private List<User> activeMembers(Account company) {
    return users.members(company.id()).stream()
        .filter(User::isActive)
        .sorted(Comparator.comparing(User::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /** Individual accounts hold at most a few keys (KEY-1): say so before the user tries. */
  private void addCap(Place place, Model model) {
    int limit = settings.individualKeyLimit();
    boolean atCap = !place.company() && management.keys(place.account().id()).size() >= limit;
    model.addAttribute("atCap", atCap);
    model.addAttribute(
        "capMessage",
        atCap
            ? "An individual account may hold at most "
                + limit
                + " active API keys. Delete one before creating another."
            : null);
  }

  private static ResultPage<ApiKeyRow> page(List<ApiKeyRow> rows, int page) {
    ResultPage.Request request = new ResultPage.Request(page, PAGE_SIZE);
    int from = Math.min(request.offset(), rows.size());
    int to = Math.min(from + request.size(), rows.size());
    return new ResultPage<>(rows.subList(from, to), request.page(), request.size(), rows.size());
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

  /**
   * Where the keys are managed.
   *
   * @param company whether these are a company's keys (Company settings) rather than the signed-in
   *     user's own (My account)
   * @param base the path of the list page; the other pages are below it
   */
  public record Place(Account account, boolean company, String base) {}

  /** A column of the keys table; {@code sortable} ones link to themselves with another order. */
  public record Column(String key, String label, boolean sortable) {

    boolean isUser() {
      return "user".equals(key);
    }
  }
}
