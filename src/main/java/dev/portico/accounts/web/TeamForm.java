package dev.portico.accounts.web;

import dev.portico.accounts.Team;
import dev.portico.accounts.TeamDraft;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The create and edit form of Company settings → Teams: a name and ticked members. */
class TeamForm {

  private @Nullable String name;
  private Set<UUID> memberIds = new LinkedHashSet<>();

  static TeamForm from(Team team) {
    TeamForm form = new TeamForm();
    form.setName(team.name());
    form.setMemberIds(new LinkedHashSet<>(team.memberIds()));
    return form;
  }

  TeamDraft toDraft() {
    return new TeamDraft(Forms.text(name), memberIds);
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
}
