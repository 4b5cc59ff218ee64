package dev.portico.accounts.web;

import dev.portico.accounts.Group;
import dev.portico.accounts.GroupDraft;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The create and edit form of Company settings → Teams and → Aliases: a name, ticked users and, for
 * an alias, ticked teams.
 */
class GroupForm {

  private @Nullable String name;
  private Set<UUID> memberIds = new LinkedHashSet<>();
  private Set<UUID> teamIds = new LinkedHashSet<>();

  static GroupForm from(Group group) {
    GroupForm form = new GroupForm();
    form.setName(group.name());
    form.setMemberIds(new LinkedHashSet<>(group.memberIds()));
    form.setTeamIds(new LinkedHashSet<>(group.teamIds()));
    return form;
  }

  /** The draft to save; a team's form has no teams, whatever was sent. */
  GroupDraft toDraft(boolean holdsTeams) {
    return new GroupDraft(Forms.text(name), memberIds, holdsTeams ? teamIds : Set.of());
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name;
  }

  public Set<UUID> getMemberIds() {
    return memberIds;
  }

  public void setMemberIds(@Nullable Set<UUID> memberIds) {
    this.memberIds = memberIds == null ? new LinkedHashSet<>() : memberIds;
  }

  public Set<UUID> getTeamIds() {
    return teamIds;
  }

  public void setTeamIds(@Nullable Set<UUID> teamIds) {
    this.teamIds = teamIds == null ? new LinkedHashSet<>() : teamIds;
  }
}
