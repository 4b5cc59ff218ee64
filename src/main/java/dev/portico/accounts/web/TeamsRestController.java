package dev.portico.accounts.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.portico.accounts.AccountRef;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Group;
import dev.portico.accounts.GroupKind;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The teams of a company over REST (SPEC §13, TEN-3), for its admins and the operator. A team id of
 * another company answers 404 under this company's path.
 */
@RestController
@RequestMapping("/api/accounts/{accountId}/teams")
@Tag(name = "Teams", description = "Teams: named sets of users of one company")
class TeamsRestController {

  private final GroupEndpoints endpoints;

  TeamsRestController(GroupEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @GetMapping
  @Operation(summary = "List the company's teams, by name")
  ResultPage<TeamBody> listTeams(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    return endpoints.list(caller, accountId, GroupKind.TEAM, page, size).map(TeamBody::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a team; every member must be a user of the company")
  ResponseEntity<TeamBody> createTeam(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestBody TeamRequest body,
      HttpServletRequest request) {
    Group team =
        endpoints.create(
            caller, accountId, GroupKind.TEAM, body.name(), body.memberIds(), null, request);
    return ResponseEntity.created(GroupEndpoints.location(team)).body(TeamBody.of(team));
  }

  @GetMapping("/{teamId}")
  @Operation(summary = "Read a team")
  TeamBody showTeam(
      ApiCaller caller, @PathVariable AccountRef accountId, @PathVariable UUID teamId) {
    return TeamBody.of(endpoints.show(caller, accountId, GroupKind.TEAM, teamId));
  }

  @PatchMapping("/{teamId}")
  @Operation(
      summary = "Rename a team or replace its members",
      description = "Fields left out keep their value; `memberIds` replaces the whole set.")
  TeamBody updateTeam(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @PathVariable UUID teamId,
      @RequestBody TeamRequest body,
      HttpServletRequest request) {
    return TeamBody.of(
        endpoints.update(
            caller,
            accountId,
            GroupKind.TEAM,
            teamId,
            body.name(),
            body.memberIds(),
            null,
            request));
  }

  @DeleteMapping("/{teamId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a team (its users stay in the company)")
  ResponseEntity<Void> deleteTeam(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @PathVariable UUID teamId,
      HttpServletRequest request) {
    endpoints.delete(caller, accountId, GroupKind.TEAM, teamId, request);
    return ResponseEntity.noContent().build();
  }

  /** A team as the API shows it; member ids sorted for stable output. */
  record TeamBody(UUID id, String name, List<UUID> memberIds) {

    static TeamBody of(Group t) {
      return new TeamBody(t.id(), t.name(), t.memberIds().stream().sorted().toList());
    }
  }

  /** {@code POST} and {@code PATCH …/teams}. */
  record TeamRequest(
      @Nullable String name,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable Set<UUID> memberIds) {}
}
