package dev.portico.store.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountRef;
import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.store.LaunchChecklist;
import dev.portico.store.StoreEntries;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreEntryDraft;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An app's store entry over REST (SPEC §13, STO-1, STO-2), for the app's managers; anyone else gets
 * 404 as for an app that does not exist. Every broken rule is a 422 at its field and nothing is
 * stored; a second entry for an app is a 409.
 */
@RestController
@Tag(name = "Store entries", description = "An OAuth application's entry in the store")
class StoreEntriesRestController {

  private static final String ONE = "/api/developer/applications/{appId}/store-entry";
  private static final String ACCOUNT = "/api/developer/accounts/{accountId}/store-entries";

  private final ApplicationAccess access;
  private final StoreEntries entries;
  private final UserManagement users;
  private final AccountAccess accountAccess;
  private final AccountManagement accounts;
  private final LaunchChecklist checklist;

  StoreEntriesRestController(
      ApplicationAccess access,
      StoreEntries entries,
      UserManagement users,
      AccountAccess accountAccess,
      AccountManagement accounts,
      LaunchChecklist checklist) {
    this.access = access;
    this.entries = entries;
    this.users = users;
    this.accountAccess = accountAccess;
    this.accounts = accounts;
    this.checklist = checklist;
  }

  @GetMapping(ONE)
  @Operation(summary = "Read the app's store entry (managers); 404 when it has none")
  StoreEntryBody showEntry(ApiCaller caller, @PathVariable UUID appId) {
    Application app = access.requireManager(caller, appId);
    return body(entry(app));
  }

  @PostMapping(path = ONE, consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Create the app's store entry, private (managers)",
      description =
          "Name, summary and type default to the app's. Every STO-1 rule is reported at its"
              + " field (422); the app's second entry is a 409.")
  ResponseEntity<StoreEntryBody> createEntry(
      ApiCaller caller,
      @PathVariable UUID appId,
      @RequestBody StoreEntryInput input,
      HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    StoreEntry created =
        entries.create(
            Actors.of(caller, request), app, input.over(StoreEntries.prefilled(app)), List.of());
    return ResponseEntity.created(URI.create(ONE.replace("{appId}", app.id().toString())))
        .body(body(created));
  }

  @PatchMapping(path = ONE, consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Change the app's store entry (managers)",
      description =
          "Only the fields given change; `\"\"` clears an optional one. Checked as a whole: all"
              + " or nothing.")
  StoreEntryBody changeEntry(
      ApiCaller caller,
      @PathVariable UUID appId,
      @RequestBody StoreEntryInput input,
      HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    StoreEntryDraft draft = input.over(StoreEntryDraft.of(entry(app)));
    return body(entries.update(Actors.of(caller, request), app, draft, List.of(), false));
  }

  @DeleteMapping(ONE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete the app's store entry with its images (managers)")
  ResponseEntity<Void> deleteEntry(
      ApiCaller caller, @PathVariable UUID appId, HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    entries.delete(Actors.of(caller, request), app);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(ACCOUNT)
  @Operation(
      summary = "List the account's store entries by name (its admins, or the user themself)")
  ResultPage<StoreEntryBody> listEntries(ApiCaller caller, @PathVariable AccountRef accountId) {
    Account owner = owner(caller, accountId);
    List<StoreEntryBody> all = entries.ofAccount(owner.id()).stream().map(this::body).toList();
    return new ResultPage<>(all, 0, Math.max(all.size(), 1), all.size());
  }

  private StoreEntryBody body(StoreEntry e) {
    return StoreEntryBody.of(e, checklist.itemsOf(e));
  }

  private StoreEntry entry(Application app) {
    return entries.entryOf(app).orElseThrow(() -> new NotFound("Store entry"));
  }

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
}
