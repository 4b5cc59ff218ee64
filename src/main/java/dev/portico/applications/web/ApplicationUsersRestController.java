package dev.portico.applications.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Scope;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.Assignment;
import dev.portico.applications.AssignmentKind;
import dev.portico.applications.AssignmentResult;
import dev.portico.applications.AssignmentSelection;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who a company's application is shared with, over REST (SPEC §13, SHR-1..3): for the app's
 * managers (the company's admins and the operator) only; everyone else gets 404. Users' emails
 * appear only for credentials that hold {@code OAuth2ReadPII}.
 */
@RestController
@RequestMapping("/api/developer/applications/{appId}/users")
@Tag(
    name = "Application sharing",
    description = "The users, teams and aliases a company's app is shared with")
class ApplicationUsersRestController {

  private final ApplicationAccess access;
  private final ApplicationSharing sharing;
  private final ApplicationAssignments assigned;

  ApplicationUsersRestController(
      ApplicationAccess access, ApplicationSharing sharing, ApplicationAssignments assigned) {
    this.access = access;
    this.sharing = sharing;
    this.assigned = assigned;
  }

  @GetMapping
  @ResponseStatus(HttpStatus.OK)
  @Operation(summary = "List who the application is shared with, oldest first")
  @ApiResponse(
      responseCode = "409",
      description = "The application belongs to an individual: it is shared with no one.")
  ResultPage<AssignmentBody> listAssignments(
      ApiCaller caller,
      @PathVariable UUID appId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    Application app = access.requireManager(caller, appId);
    boolean pii = caller.has(Scope.OAuth2ReadPII);
    return assigned
        .assignments(app, new ResultPage.Request(page, size))
        .map(a -> AssignmentBody.of(a, pii));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.OK)
  @Operation(
      summary = "Share the application with users, teams and aliases of its company",
      description =
          "Every id must be a current user, team or alias of the owning company; light users"
              + " named in `userIds` are refused (422, nothing added), light members of a team or"
              + " alias are skipped and counted in `skippedLightUsers`. Those already assigned"
              + " stay as they were. At most 200 ids of each kind.")
  @ApiResponse(
      responseCode = "409",
      description = "The application belongs to an individual: it cannot be shared.")
  AssignedBody assign(
      ApiCaller caller,
      @PathVariable UUID appId,
      @RequestBody AssignmentRequest body,
      HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    AssignmentResult result = sharing.assign(Actors.of(caller, request), app, body.selection());
    return new AssignedBody(
        result.addedIds(AssignmentKind.USER),
        result.addedIds(AssignmentKind.TEAM),
        result.addedIds(AssignmentKind.ALIAS),
        result.skippedLightUsers());
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Stop sharing the application with users, teams and aliases",
      description =
          "Ids the application is not shared with are ignored. The users who lose access have"
              + " their grants to the application revoked.")
  @ApiResponse(
      responseCode = "409",
      description = "The application belongs to an individual: it is shared with no one.")
  void unassign(
      ApiCaller caller,
      @PathVariable UUID appId,
      @RequestBody AssignmentRequest body,
      HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    sharing.unassign(Actors.of(caller, request), app, body.selection());
  }

  /** One user, team or alias the application is shared with. */
  record AssignmentBody(
      AssignmentKind kind,
      UUID id,
      String name,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "Users only, and only for credentials that hold `OAuth2ReadPII`")
          @Nullable String email) {

    static AssignmentBody of(Assignment a, boolean pii) {
      return new AssignmentBody(a.kind(), a.targetId(), a.name(), pii ? a.email() : null);
    }
  }

  /** {@code POST|DELETE …/users}: the ids to add or remove; missing lists are empty. */
  record AssignmentRequest(
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable Set<UUID> userIds,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable Set<UUID> teamIds,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable Set<UUID> aliasIds) {

    AssignmentSelection selection() {
      return new AssignmentSelection(
          userIds == null ? Set.of() : userIds,
          teamIds == null ? Set.of() : teamIds,
          aliasIds == null ? Set.of() : aliasIds);
    }
  }

  /**
   * What {@code POST …/users} added, and how many light members of teams and aliases it skipped.
   */
  record AssignedBody(
      List<UUID> addedUserIds,
      List<UUID> addedTeamIds,
      List<UUID> addedAliasIds,
      int skippedLightUsers) {}
}
