package dev.portico.accounts.web;

import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountRef;
import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Group;
import dev.portico.accounts.GroupDraft;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the teams and the aliases REST endpoints do, once for both kinds: the two controllers keep
 * only their paths, their documentation and their wire records. Only the company's admins and the
 * operator get this far; a group id of another company answers 404 under this company's path.
 */
@Component
class GroupEndpoints {

  private final GroupManagement groups;
  private final AccountAccess access;

  GroupEndpoints(GroupManagement groups, AccountAccess access) {
    this.groups = groups;
    this.access = access;
  }

  ResultPage<Group> list(ApiCaller caller, AccountRef account, GroupKind kind, int page, int size) {
    return groups.groups(kind, companyId(caller, account), new ResultPage.Request(page, size));
  }

  Group create(
      ApiCaller caller,
      AccountRef account,
      GroupKind kind,
      @Nullable String name,
      @Nullable Set<UUID> memberIds,
      @Nullable Set<UUID> teamIds,
      HttpServletRequest request) {
    GroupDraft draft = new GroupDraft(Forms.text(name), orEmpty(memberIds), orEmpty(teamIds));
    return groups.create(Actors.of(caller, request), kind, companyId(caller, account), draft);
  }

  Group show(ApiCaller caller, AccountRef account, GroupKind kind, UUID groupId) {
    return groups.group(kind, companyId(caller, account), groupId);
  }

  /** Fields left out ({@code null}) keep their value; a set given replaces the whole set. */
  Group update(
      ApiCaller caller,
      AccountRef account,
      GroupKind kind,
      UUID groupId,
      @Nullable String name,
      @Nullable Set<UUID> memberIds,
      @Nullable Set<UUID> teamIds,
      HttpServletRequest request) {
    UUID companyId = companyId(caller, account);
    Group current = groups.group(kind, companyId, groupId);
    GroupDraft draft =
        new GroupDraft(
            name != null ? name : current.name(),
            memberIds != null ? memberIds : current.memberIds(),
            teamIds != null ? teamIds : current.teamIds());
    return groups.update(Actors.of(caller, request), kind, companyId, groupId, draft);
  }

  void delete(
      ApiCaller caller,
      AccountRef account,
      GroupKind kind,
      UUID groupId,
      HttpServletRequest request) {
    groups.delete(Actors.of(caller, request), kind, companyId(caller, account), groupId);
  }

  static URI location(Group group) {
    return URI.create(
        "/api/accounts/" + group.accountId() + "/" + group.kind().plural() + "/" + group.id());
  }

  private UUID companyId(ApiCaller caller, AccountRef account) {
    return access.requireCompanyAdmin(caller, account).id();
  }

  private static Set<UUID> orEmpty(@Nullable Set<UUID> ids) {
    return ids == null ? Set.of() : ids;
  }
}
