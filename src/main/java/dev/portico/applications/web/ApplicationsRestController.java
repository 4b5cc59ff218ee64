package dev.portico.applications.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountRef;
import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.AccessibleApplication;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ApplicationOrder;
import dev.portico.applications.IssuedApplication;
import dev.portico.applications.web.ApplicationRequests.ApplicationChanges;
import dev.portico.applications.web.ApplicationRequests.NewApplication;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth applications over REST (SPEC §13, APP-1..7). The owner's managers (a company's admins, the
 * individual owner, the operator with an operator credential) do everything; editors (collaborators
 * and admin-team members) may read the app and change its definition; everyone else gets 404, as
 * for an app that does not exist. The client secret is in the create and regenerate responses only,
 * which caches never store (regeneration: {@link ApplicationSecretsRestController}). Scopes are the
 * gateway's: reads {@code OAuth2Read}, writes {@code OAuth2Write}, deletion {@code OAuth2Delete}.
 */
@RestController
@Tag(name = "OAuth applications", description = "OAuth applications of a company or an individual")
class ApplicationsRestController {

  private static final String ACCOUNT_APPS = "/api/developer/accounts/{accountId}/applications";
  private static final String APP = "/api/developer/applications/{appId}";

  private final ApplicationManagement applications;
  private final ApplicationPatches patches;
  private final ApplicationOAuthSettings oauthSettings;
  private final ApplicationAccess access;
  private final AccountAccess accountAccess;
  private final AccountManagement accounts;
  private final UserManagement users;
  private final TransactionOperations transactions;
  private final JsonMapper json;
  private final Clock clock;

  ApplicationsRestController(
      ApplicationManagement applications,
      ApplicationPatches patches,
      ApplicationOAuthSettings oauthSettings,
      ApplicationAccess access,
      AccountAccess accountAccess,
      AccountManagement accounts,
      UserManagement users,
      TransactionOperations transactions,
      JsonMapper json,
      Clock clock) {
    this.applications = applications;
    this.patches = patches;
    this.oauthSettings = oauthSettings;
    this.access = access;
    this.accountAccess = accountAccess;
    this.accounts = accounts;
    this.users = users;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping(ACCOUNT_APPS)
  @ResponseStatus(HttpStatus.OK)
  @Operation(
      summary = "List the account's OAuth applications, sorted and paged",
      description =
          "Company admins, the individual owner (`me`), or the operator. Items are the list rows"
              + " (APP-7); read an application for its whole body. Never holds a secret.")
  ResultPage<ApplicationBody.ApplicationListItem> listApplications(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @Parameter(schema = @Schema(allowableValues = {"name", "type", "clientId", "created"}))
          @RequestParam(defaultValue = "name")
          String sort,
      @Parameter(schema = @Schema(allowableValues = {"asc", "desc"}))
          @RequestParam(defaultValue = "asc")
          String dir,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    Account owner = owner(caller, accountId);
    ApplicationOrder order =
        ApplicationOrder.ofParam(sort)
            .orElseThrow(
                () -> InvalidInput.of("sort", "must be one of: name, type, clientId, created"));
    if (!dir.equals("asc") && !dir.equals("desc")) {
      throw InvalidInput.of("dir", "must be asc or desc");
    }
    return applications
        .applications(owner.id(), order, dir.equals("asc"), new ResultPage.Request(page, size))
        .map(ApplicationBody.ApplicationListItem::of);
  }

  @PostMapping(ACCOUNT_APPS)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Register an OAuth application; the client secret is in this response only",
      description =
          "Company admins, the individual owner (`me`), or the operator. Every APP-2 rule is"
              + " reported at its field (422) and nothing is created; the primary format is unique"
              + " across the platform, also when two registrations race.")
  ResponseEntity<ApplicationBody.IssuedApplicationBody> registerApplication(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestBody NewApplication body,
      HttpServletRequest request) {
    Account owner = owner(caller, accountId);
    ApplicationDraft draft = body.toDraft();
    IssuedApplication issued;
    try {
      issued = applications.register(Actors.of(caller, request), owner.id(), draft);
    } catch (InvalidInput e) {
      throw RestViolations.withoutValues(e, draft);
    }
    return ResponseEntity.created(
            URI.create("/api/developer/applications/" + issued.application().id()))
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .body(ApplicationBody.IssuedApplicationBody.of(issued, null, caller, clock.instant()));
  }

  @GetMapping(APP)
  @ResponseStatus(HttpStatus.OK)
  @Operation(
      summary = "Read an OAuth application (managers and editors)",
      description = "Never holds the client secret; `collaborators` only with `OAuth2ReadPII`.")
  ApplicationBody showApplication(ApiCaller caller, @PathVariable UUID appId) {
    return body(access.require(caller, appId).application(), caller);
  }

  @PatchMapping(APP)
  @ResponseStatus(HttpStatus.OK)
  @Operation(
      summary = "Change an OAuth application's definition, Platform OAuth or External OAuth",
      description =
          "Fields left out (or `null`) keep their value; `null` clears `oauthUrl` and"
              + " `adminTeamId` and removes `externalOAuth`. The primary format cannot change"
              + " (422). Editors may change the definition fields only; `platformOAuth` and"
              + " `externalOAuth` are the managers' (404 for anyone else). All or nothing: a"
              + " refused field changes nothing.")
  ApplicationBody changeApplication(
      ApiCaller caller,
      @PathVariable UUID appId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ApplicationChanges.class)))
          @RequestBody
          JsonNode body,
      HttpServletRequest request) {
    ApplicationChanges changes = read(body, request);
    AccessibleApplication found = access.require(caller, appId);
    boolean managerFields = body.has("platformOAuth") || body.has("externalOAuth");
    if (managerFields && !found.role().manages()) {
      throw new NotFound("Application");
    }
    Actor actor = Actors.of(caller, request);
    Application changed = transactions.execute(tx -> patches.apply(actor, found, changes, body));
    return body(Objects.requireNonNull(changed), caller);
  }

  @DeleteMapping(APP)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Delete an OAuth application (managers)",
      description =
          "Irreversible: its tokens and grants stop working, its extensions and assignments are"
              + " removed; its past usage stays. Refused with 409 while it has a store entry.")
  @ApiResponse(responseCode = "409", description = "The application has a store entry.")
  ResponseEntity<Void> deleteApplication(
      ApiCaller caller, @PathVariable UUID appId, HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    applications.delete(Actors.of(caller, request), app);
    return ResponseEntity.noContent().build();
  }

  /**
   * The account whose applications the caller manages: their own personal account, a company they
   * administer, or any company for an operator credential (KEY-3); otherwise 404.
   */
  private Account owner(ApiCaller caller, AccountRef ref) {
    User me =
        users
            .user(caller.userId())
            .filter(User::isActive)
            .filter(u -> !u.isLight())
            .orElseThrow(() -> new NotFound("Account"));
    UUID id = accountAccess.resolve(me.id(), ref);
    if (id.equals(me.personalAccountId())) {
      return accounts.account(id).orElseThrow(() -> new NotFound("Account"));
    }
    return accountAccess.requireCompanyAdmin(caller, new AccountRef(id));
  }

  /**
   * The PATCH body as its record. It is read as a tree first, because only the tree says whether a
   * field was left out or sent as {@code null}; a value of the wrong type is the same 400 as any
   * unreadable body.
   */
  private ApplicationChanges read(JsonNode body, HttpServletRequest request) {
    try {
      if (!body.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return json.treeToValue(body, ApplicationChanges.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new HttpMessageNotReadableException(
          "The body is not an application change", e, new ServletServerHttpRequest(request));
    }
  }

  private ApplicationBody body(Application app, ApiCaller caller) {
    return ApplicationBody.of(
        app, oauthSettings.externalOAuth(app.id()).orElse(null), caller, clock.instant());
  }
}
