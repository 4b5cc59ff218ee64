package dev.portico.accounts.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountRef;
import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Invitation;
import dev.portico.accounts.License;
import dev.portico.accounts.NewUser;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserAddition;
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
 * The users of a company over REST (SPEC §13, TEN-2): its admins and the operator list, add, change
 * and remove them; a user may also read themself. Anything else answers 404. Emails are shown only
 * to credentials that hold {@code OAuth2ReadPII} (SPEC §13).
 */
@RestController
@RequestMapping("/api/accounts/{accountId}/users")
@Tag(name = "Users", description = "Users of a company-type account")
class UsersRestController {

  private final UserManagement users;
  private final AccountAccess access;

  UsersRestController(UserManagement users, AccountAccess access) {
    this.users = users;
    this.access = access;
  }

  @GetMapping
  @Operation(
      summary = "List or search the company's users (admins, operator)",
      description = "`q` matches names, and emails only for credentials that hold `OAuth2ReadPII`.")
  ResultPage<UserBody> listUsers(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    UUID companyId = access.requireCompanyAdmin(caller, accountId).id();
    ResultPage.Request request = new ResultPage.Request(page, size);
    ResultPage<User> found =
        caller.has(Scope.OAuth2ReadPII)
            ? users.searchMembers(companyId, RestInputs.query(q), "name", true, request)
            : users.searchMembersByName(companyId, RestInputs.query(q), request);
    return found.map(u -> UserBody.of(u, caller));
  }

  @PostMapping
  @Operation(
      summary = "Add a user to the company (admins, operator)",
      description =
          "An email that no user has creates the user with their personal account: 201 with the"
              + " user. An email that already belongs to a user never attaches them (TEN-6): 202"
              + " with an invitation they accept or decline, the same answer whichever account"
              + " they are in; the operator's email is refused with 422. `role` defaults to"
              + " MEMBER; without `password` a new user cannot sign in to the console until one"
              + " is set.")
  ResponseEntity<?> addUser(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestBody NewUserRequest body,
      HttpServletRequest request) {
    UUID companyId = access.requireCompanyAdmin(caller, accountId).id();
    UserAddition addition = users.addUser(Actors.of(caller, request), companyId, body.toNewUser());
    if (addition instanceof UserAddition.Invited invited) {
      Invitation invitation = invited.invitation();
      return ResponseEntity.accepted()
          .location(URI.create("/api/accounts/" + companyId + "/invitations/" + invitation.id()))
          .body(InvitationBody.of(invitation, invitation.createdAt(), caller));
    }
    User added = ((UserAddition.Created) addition).user();
    return ResponseEntity.created(URI.create("/api/accounts/" + companyId + "/users/" + added.id()))
        .body(UserBody.of(added, caller));
  }

  @GetMapping("/{userId}")
  @Operation(summary = "Read a user (admins, operator, or the user themself)")
  UserBody showUser(
      ApiCaller caller, @PathVariable AccountRef accountId, @PathVariable UUID userId) {
    UUID id = access.resolve(caller.userId(), accountId);
    if (userId.equals(caller.userId())) {
      User me = users.user(userId).filter(User::isActive).orElseThrow(UsersRestController::gone);
      if (id.equals(me.companyId()) || id.equals(me.personalAccountId())) {
        return UserBody.of(me, caller);
      }
    }
    UUID companyId = access.requireCompanyAdmin(caller, accountId).id();
    return UserBody.of(users.member(companyId, userId), caller);
  }

  @PatchMapping("/{userId}")
  @Operation(
      summary = "Change a user's role, license or state (admins, operator)",
      description =
          "Fields left out keep their value. A company keeps at least one active admin: a change"
              + " that would leave none is refused with 422.")
  UserBody changeUser(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @PathVariable UUID userId,
      @RequestBody UserChangesRequest body,
      HttpServletRequest request) {
    UUID companyId = access.requireCompanyAdmin(caller, accountId).id();
    return UserBody.of(
        users.changeUser(
            Actors.of(caller, request),
            companyId,
            userId,
            new UserChanges(body.role(), body.license(), body.state())),
        caller);
  }

  @DeleteMapping("/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Remove a user from the company (admins, operator)",
      description =
          "The user keeps their personal account; their company keys stop working. Removing the"
              + " last active admin is refused with 409.")
  @ApiResponse(responseCode = "409", description = "The user is the company's last active admin.")
  ResponseEntity<Void> removeUser(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @PathVariable UUID userId,
      HttpServletRequest request) {
    UUID companyId = access.requireCompanyAdmin(caller, accountId).id();
    users.removeFromCompany(Actors.of(caller, request), companyId, userId);
    return ResponseEntity.noContent().build();
  }

  private static NotFound gone() {
    return new NotFound("User");
  }

  /**
   * A user as the API shows it: never a password or its hash; the email only for a credential with
   * {@code OAuth2ReadPII}, otherwise the field is left out.
   */
  record UserBody(
      UUID id,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "Only for credentials that hold `OAuth2ReadPII`")
          @Nullable String email,
      String name,
      @Nullable Role role,
      License license,
      UserState state,
      UUID accountId) {

    static UserBody of(User u, ApiCaller caller) {
      return new UserBody(
          u.id(),
          caller.has(Scope.OAuth2ReadPII) ? u.email() : null,
          u.name(),
          u.role(),
          u.license(),
          u.state(),
          u.companyId() != null ? u.companyId() : u.personalAccountId());
    }
  }

  /** {@code POST …/users}. */
  record NewUserRequest(
      @Nullable String email,
      @Nullable String name,
      @Nullable Role role,
      @Nullable License license,
      @Nullable String password) {

    NewUser toNewUser() {
      return new NewUser(
          Forms.text(email),
          Forms.text(name),
          role,
          license,
          password == null || password.isEmpty() ? null : password);
    }

    @Override
    public String toString() {
      return "NewUserRequest[" + email + "]";
    }
  }

  /** {@code PATCH …/users/{id}}: absent fields keep their value. */
  record UserChangesRequest(
      @Nullable Role role, @Nullable License license, @Nullable UserState state) {}
}
