package dev.portico.accounts.web;

import dev.portico.accounts.Alias;
import dev.portico.accounts.AliasDraft;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The create and edit form of Company settings → Aliases: a name, ticked users and teams. */
class AliasForm {

  private @Nullable String name;
  private Set<UUID> memberIds = new LinkedHashSet<>();
  private Set<UUID> teamIds = new LinkedHashSet<>();

  static AliasForm from(Alias alias) {
    AliasForm form = new AliasForm();
    form.setName(alias.name());
    form.setMemberIds(new LinkedHashSet<>(alias.memberIds()));
    form.setTeamIds(new LinkedHashSet<>(alias.teamIds()));
    return form;
  }

  AliasDraft toDraft() {
    return new AliasDraft(Forms.text(name), memberIds, teamIds);
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
