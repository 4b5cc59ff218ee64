package dev.portico.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountRef;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Scope;
import dev.portico.audit.AuditEntry;
import dev.portico.audit.AuditFilter;
import dev.portico.audit.AuditTrail;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's audit log over REST (SPEC §13, AUD-1): for the admins of a company, the user
 * themself for their personal account ({@code me}), and the operator for any account; anyone else
 * gets 404, as for an account that does not exist. Newest first. Emails (the actor's, and any in
 * the target or the changes) are shown only to credentials that hold {@code OAuth2ReadPII}.
 */
@RestController
@Tag(name = "Audit", description = "The audit log of an account")
class AuditRestController {

  /** Far beyond any real log, low enough that page × size never overflows. */
  private static final int MAX_PAGE = 100_000;

  /** What an email address looks like inside free text such as {@code user bob@acme.test}. */
  private static final Pattern EMAIL = Pattern.compile("[^\\s@()<>,;:\"]+@[^\\s@()<>,;:\"]+");

  private static final String HIDDEN = "(email hidden)";

  private final AuditTrail trail;
  private final AccountAccess access;

  AuditRestController(AuditTrail trail, AccountAccess access) {
    this.trail = trail;
    this.access = access;
  }

  @GetMapping("/api/developer/accounts/{accountId}/audit")
  @ResponseStatus(HttpStatus.OK)
  @ApiResponse(
      responseCode = "422",
      description = "`q` sent by a credential without `OAuth2ReadPII` (`invalid-input`).")
  @Operation(
      summary = "List the account's audit entries, newest first",
      description =
          "For the company's admins, the user themself for their personal account (`me`), and the"
              + " operator for any account. `action` keeps entries whose action starts with it"
              + " (`user.`), `q` those whose actor email or target contains it (`q` needs"
              + " `OAuth2ReadPII`, 422 otherwise). Without"
              + " `OAuth2ReadPII` emails are left out: no `actor.email`, and addresses in `target`"
              + " and `changes` read `(email hidden)`.")
  ResultPage<AuditEntryBody> listAuditEntries(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @Parameter(description = "Action prefix, such as `user.` or `apikey.created`")
          @RequestParam(required = false)
          @Nullable String action,
      @Parameter(description = "Text in the actor's email or the target")
          @RequestParam(required = false)
          @Nullable String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    UUID id = access.resolve(caller.userId(), accountId);
    UUID visible = access.requireAccountView(caller.userId(), id).id();
    boolean pii = caller.has(Scope.OAuth2ReadPII);
    if (!pii && q != null && !q.isBlank()) {
      // The search matches actor emails: it would tell, entry by entry, whose email it is.
      throw InvalidInput.of("q", "needs a credential with the scope OAuth2ReadPII");
    }
    AuditFilter filter = new AuditFilter(action, q);
    return trail
        .forAccount(visible, filter, new ResultPage.Request(Math.min(page, MAX_PAGE), size))
        .map(entry -> AuditEntryBody.of(entry, pii));
  }

  /** One entry as the API shows it. */
  record AuditEntryBody(
      UUID id,
      Instant time,
      ActorBody actor,
      @Nullable UUID accountId,
      @Schema(example = "user.added") String action,
      @Schema(example = "user bob@acme.test") String target,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "The client address of the request, if the change came from one")
          @Nullable String sourceIp,
      @Schema(description = "Field name to `old → new`, or the new value; never a secret")
          Map<String, String> changes) {

    static AuditEntryBody of(AuditEntry e, boolean pii) {
      Map<String, String> changes = new LinkedHashMap<>();
      e.diff().forEach((field, value) -> changes.put(field, pii ? value : hideEmails(value)));
      return new AuditEntryBody(
          e.id(),
          e.occurredAt(),
          ActorBody.of(e.actor(), pii),
          e.accountId(),
          e.action(),
          pii ? e.target() : hideEmails(e.target()),
          e.actor().sourceIp(),
          changes);
    }
  }

  /** Who made the change; {@code system} for changes Portico made by itself. */
  record ActorBody(
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable UUID userId,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "Only for credentials that hold `OAuth2ReadPII`")
          @Nullable String email,
      boolean operator,
      boolean system) {

    static ActorBody of(Actor actor, boolean pii) {
      return new ActorBody(
          actor.userId(), pii ? actor.email() : null, actor.operator(), actor.isSystem());
    }
  }

  static String hideEmails(String text) {
    return EMAIL.matcher(text).replaceAll(HIDDEN);
  }
}
