package dev.portico.apikeys.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountRef;
import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Scope;
import dev.portico.accounts.StackResolver;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.apikeys.ApiKey;
import dev.portico.apikeys.ApiKeyManagement;
import dev.portico.apikeys.ApiKeyOrder;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.apikeys.NewApiKey;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys over REST (SPEC §13, KEY-1..4): a company's admins (and the operator) manage its keys,
 * every user their personal keys ({@code me}). The secret is in the create response only, which is
 * never stored by caches; a key works only on the stack ({@code Host}) of the request that created
 * it.
 */
@RestController
@Tag(name = "API keys", description = "API keys of a company or a personal account")
class ApiKeysRestController {

  private final ApiKeyManagement keys;
  private final UserManagement users;
  private final AccountAccess access;
  private final StackResolver stacks;

  ApiKeysRestController(
      ApiKeyManagement keys, UserManagement users, AccountAccess access, StackResolver stacks) {
    this.keys = keys;
    this.users = users;
    this.access = access;
    this.stacks = stacks;
  }

  @GetMapping("/api/developer/accounts/{accountId}/api-keys")
  @Operation(summary = "List the account's API keys, newest first (never their secrets)")
  ResultPage<ApiKeyBody> listKeys(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    Account account = manageable(caller, accountId);
    return keys.keys(account.id(), ApiKeyOrder.CREATED, false, new ResultPage.Request(page, size))
        .map(ApiKeyBody::of);
  }

  @PostMapping("/api/developer/accounts/{accountId}/api-keys")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an API key; the secret key is in this response only",
      description =
          "`userId` is the user the key acts for (a user of the account; defaults to the caller)."
              + " `scopes` may only hold scopes the calling credential has. The key works only on"
              + " the stack (`Host`) of this request. Individual accounts hold at most 2 keys: a"
              + " third is refused with 409.")
  @ApiResponse(responseCode = "409", description = "The individual account holds 2 keys already.")
  ResponseEntity<IssuedApiKeyBody> createKey(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestBody NewApiKeyRequest body,
      HttpServletRequest request) {
    Account account = manageable(caller, accountId);
    Set<Scope> scopes = body.scopes() == null ? Set.of() : body.scopes();
    if (!scopes.stream().allMatch(caller::has)) {
      // A credential never mints one stronger than itself.
      throw InvalidInput.of(
          "scopes", "may only hold scopes that the credential making this request has");
    }
    NewApiKey spec =
        new NewApiKey(
            body.name() == null ? "" : body.name(),
            body.userId() != null ? body.userId() : caller.userId(),
            scopes);
    IssuedApiKey issued =
        keys.create(
            Actors.of(caller, request),
            account.id(),
            spec,
            stacks.resolve(request.getHeader(HttpHeaders.HOST)));
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .body(IssuedApiKeyBody.of(issued));
  }

  @DeleteMapping("/api/developer/api-keys/{keyId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete an API key; it stops working within seconds on every node")
  ResponseEntity<Void> deleteKey(
      ApiCaller caller, @PathVariable UUID keyId, HttpServletRequest request) {
    ApiKey key = keys.key(keyId).orElseThrow(() -> new NotFound("API key"));
    Account account = manageableOrMissingKey(caller, key.accountId());
    keys.delete(Actors.of(caller, request), account.id(), keyId);
    return ResponseEntity.noContent().build();
  }

  private Account manageable(ApiCaller caller, AccountRef ref) {
    return keys.requireManageable(caller(caller), access.resolve(caller.userId(), ref));
  }

  private Account manageableOrMissingKey(ApiCaller caller, UUID accountId) {
    try {
      return keys.requireManageable(caller(caller), accountId);
    } catch (NotFound e) {
      throw new NotFound("API key");
    }
  }

  private User caller(ApiCaller caller) {
    return users
        .user(caller.userId())
        .filter(User::isActive)
        .orElseThrow(() -> new NotFound("Account"));
  }

  /** An API key as lists show it: never its secret. */
  record ApiKeyBody(
      UUID id,
      String accessKey,
      String name,
      UUID userId,
      List<Scope> scopes,
      Instant createdAt,
      @Nullable Instant lastUsedAt) {

    static ApiKeyBody of(ApiKey k) {
      return new ApiKeyBody(
          k.id(),
          k.accessKey(),
          k.name(),
          k.userId(),
          sorted(k.scopes()),
          k.createdAt(),
          k.lastUsedAt());
    }
  }

  /** The create response: the only place the secret key ever appears (KEY-2). */
  record IssuedApiKeyBody(
      UUID id,
      String accessKey,
      String secretKey,
      String name,
      UUID userId,
      List<Scope> scopes,
      Instant createdAt) {

    static IssuedApiKeyBody of(IssuedApiKey issued) {
      ApiKey k = issued.key();
      return new IssuedApiKeyBody(
          k.id(),
          k.accessKey(),
          issued.secretKey(),
          k.name(),
          k.userId(),
          sorted(k.scopes()),
          k.createdAt());
    }

    @Override
    public String toString() {
      return "IssuedApiKeyBody[" + accessKey + "]";
    }
  }

  /** {@code POST …/api-keys}. */
  record NewApiKeyRequest(
      @Nullable String name,
      @Nullable UUID userId,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable Set<Scope> scopes) {}

  private static List<Scope> sorted(Set<Scope> scopes) {
    return scopes.stream().sorted().toList();
  }
}
