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
 * The aliases of a company over REST (SPEC §13, TEN-3), for its admins and the operator. An alias
 * id of another company answers 404 under this company's path.
 */
@RestController
@RequestMapping("/api/accounts/{accountId}/aliases")
@Tag(name = "Aliases", description = "Aliases: named sets of users and teams of one company")
class AliasesRestController {

  private final GroupEndpoints endpoints;

  AliasesRestController(GroupEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @GetMapping
  @Operation(summary = "List the company's aliases, by name")
  ResultPage<AliasBody> listAliases(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    return endpoints.list(caller, accountId, GroupKind.ALIAS, page, size).map(AliasBody::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an alias of users and teams of the company")
  ResponseEntity<AliasBody> createAlias(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestBody AliasRequest body,
      HttpServletRequest request) {
    Group alias =
        endpoints.create(
            caller,
            accountId,
            GroupKind.ALIAS,
            body.name(),
            body.memberIds(),
            body.teamIds(),
            request);
    return ResponseEntity.created(GroupEndpoints.location(alias)).body(AliasBody.of(alias));
  }

  @GetMapping("/{aliasId}")
  @Operation(summary = "Read an alias")
  AliasBody showAlias(
      ApiCaller caller, @PathVariable AccountRef accountId, @PathVariable UUID aliasId) {
    return AliasBody.of(endpoints.show(caller, accountId, GroupKind.ALIAS, aliasId));
  }

  @PatchMapping("/{aliasId}")
  @Operation(
      summary = "Rename an alias or replace its users or teams",
      description = "Fields left out keep their value; a list given replaces the whole set.")
  AliasBody updateAlias(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @PathVariable UUID aliasId,
      @RequestBody AliasRequest body,
      HttpServletRequest request) {
    return AliasBody.of(
        endpoints.update(
            caller,
            accountId,
            GroupKind.ALIAS,
            aliasId,
            body.name(),
            body.memberIds(),
            body.teamIds(),
            request));
  }

  @DeleteMapping("/{aliasId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete an alias")
  ResponseEntity<Void> deleteAlias(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @PathVariable UUID aliasId,
      HttpServletRequest request) {
    endpoints.delete(caller, accountId, GroupKind.ALIAS, aliasId, request);
    return ResponseEntity.noContent().build();
  }

  /** An alias as the API shows it; ids sorted for stable output. */
  record AliasBody(UUID id, String name, List<UUID> memberIds, List<UUID> teamIds) {

    static AliasBody of(Group a) {
      return new AliasBody(
          a.id(),
          a.name(),
          a.memberIds().stream().sorted().toList(),
          a.teamIds().stream().sorted().toList());
    }
  }

  /** {@code POST} and {@code PATCH …/aliases}. */
  record AliasRequest(
      @Nullable String name,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable Set<UUID> memberIds,
      @JsonSetter(contentNulls = Nulls.FAIL) @Nullable Set<UUID> teamIds) {}
}
