package dev.portico.applications.web;

import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ApplicationTransfers;
import dev.portico.applications.TransferTarget;
import dev.portico.system.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/developer/applications/{appId}/transfer} (OWN-1, §13): managers hand the app to
 * a person or to a company they administer (any, with an operator credential). 404 for anyone else;
 * 422 naming {@code toUserId} or {@code toAccountId} when the target cannot own it.
 */
@RestController
@Tag(name = "OAuth applications", description = "OAuth applications of a company or an individual")
class ApplicationTransferRestController {

  private final ApplicationAccess access;
  private final ApplicationTransfers transfers;
  private final ApplicationOAuthSettings oauthSettings;
  private final UserManagement users;
  private final Clock clock;

  ApplicationTransferRestController(
      ApplicationAccess access,
      ApplicationTransfers transfers,
      ApplicationOAuthSettings oauthSettings,
      UserManagement users,
      Clock clock) {
    this.access = access;
    this.transfers = transfers;
    this.oauthSettings = oauthSettings;
    this.users = users;
    this.clock = clock;
  }

  /** Exactly one of the two. */
  @Schema(name = "OwnershipTransfer", description = "The new owner: exactly one of the two fields")
  record TransferRequest(
      @Schema(description = "A person: the app goes to their personal account")
          @Nullable UUID toUserId,
      @Schema(description = "A company or enterprise the caller administers")
          @Nullable UUID toAccountId) {}

  @PostMapping("/api/developer/applications/{appId}/transfer")
  @ResponseStatus(HttpStatus.OK)
  @Operation(
      summary = "Transfer an OAuth application to a new owner (managers)",
      description =
          "To a person (`toUserId`: active, not light) or a company or enterprise (`toAccountId`)"
              + " the caller administers (any, with an operator credential). Client id, secrets,"
              + " extensions and grants stay; the admin team and assignments are removed. Later"
              + " calls count toward the new owner's allocation; past usage stays. The answer is"
              + " the application as its new owner sees it.")
  @ApiResponse(
      responseCode = "422",
      description = "Not exactly one of the fields, or the target cannot own the app.")
  ApplicationBody transfer(
      ApiCaller caller,
      @PathVariable UUID appId,
      @RequestBody TransferRequest body,
      HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    User me = users.user(caller.userId()).orElseThrow(() -> new NotFound("Application"));
    Application moved =
        transfers.transfer(
            Actors.of(caller, request),
            me,
            caller.operator() && me.operator(),
            app,
            new TransferTarget(body.toUserId(), body.toAccountId()));
    return ApplicationBody.of(
        moved, oauthSettings.externalOAuth(moved.id()).orElse(null), caller, clock.instant());
  }
}
