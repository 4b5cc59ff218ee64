package dev.portico.accounts;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import dev.portico.system.ResultPage;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PorticoTest
class TeamsConsoleTests {

  private static final ResultPage.Request ALL =
      new ResultPage.Request(0, ResultPage.Request.MAX_SIZE);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired GroupManagement groupManagement;

  @Test
  void teamsPageWhenCompanyHasNoTeamsThenSaysHowToCreateOne() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(get("/accounts/{id}/teams", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("No teams yet.")))
        .andExpect(content().string(containsString("Create the first team")))
        .andExpect(content().string(containsString("Company settings")));
  }

  @Test
  void adminCreatesTeamWhenFormIsValidThenTeamIsListedWithItsMembers() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);

    mvc.perform(
            post("/accounts/{id}/teams/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "Engineering")
                .param("memberIds", acme.admin().id().toString(), bob.id().toString()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/accounts/" + acme.id() + "/teams"));

    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items())
        .singleElement()
        .satisfies(
            team -> {
              assertThat(team.name()).isEqualTo("Engineering");
              assertThat(team.memberIds()).containsExactlyInAnyOrder(acme.admin().id(), bob.id());
            });
    mvc.perform(get("/accounts/{id}/teams", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Engineering")))
        .andExpect(content().string(containsString(bob.name())))
        .andExpect(content().string(containsString(acme.admin().name())));
  }

  @Test
  void adminRenamesTeamAndChangesMembersThenBothAreSaved() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Group team =
        groupManagement.create(
            Actor.SYSTEM,
            GroupKind.TEAM,
            acme.id(),
            GroupDraft.team("Engineering", Set.of(acme.admin().id())));

    mvc.perform(get("/accounts/{id}/teams/{tid}", acme.id(), team.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"Engineering\"")))
        .andExpect(content().string(containsString("Delete team")));
    mvc.perform(
            post("/accounts/{id}/teams/{tid}", acme.id(), team.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "Platform")
                .param("memberIds", bob.id().toString()))
        .andExpect(status().is3xxRedirection());

    Group saved = groupManagement.group(GroupKind.TEAM, acme.id(), team.id());
    assertThat(saved.name()).isEqualTo("Platform");
    assertThat(saved.memberIds()).containsExactly(bob.id());
  }

  @Test
  void adminUnticksEveryMemberThenTeamHasNoMembers() throws Exception {
    Company acme = fixtures.company("Acme");
    Group team =
        groupManagement.create(
            Actor.SYSTEM,
            GroupKind.TEAM,
            acme.id(),
            GroupDraft.team("Engineering", Set.of(acme.admin().id())));

    mvc.perform(
            post("/accounts/{id}/teams/{tid}", acme.id(), team.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "Engineering"))
        .andExpect(status().is3xxRedirection());

    assertThat(groupManagement.group(GroupKind.TEAM, acme.id(), team.id()).memberIds()).isEmpty();
  }

  @Test
  void adminDeletesTeamThenItIsGoneAndLeavesItsAliases() throws Exception {
    Company acme = fixtures.company("Acme");
    Group team =
        groupManagement.create(
            Actor.SYSTEM,
            GroupKind.TEAM,
            acme.id(),
            GroupDraft.team("Engineering", Set.of(acme.admin().id())));
    Group alias =
        groupManagement.create(
            Actor.SYSTEM,
            GroupKind.ALIAS,
            acme.id(),
            new GroupDraft("everyone", Set.of(), Set.of(team.id())));

    mvc.perform(get("/accounts/{id}/teams/{tid}", acme.id(), team.id()).with(as(acme.admin())))
        .andExpect(content().string(containsString("everyone")));
    mvc.perform(
            post("/accounts/{id}/teams/{tid}/delete", acme.id(), team.id())
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
    assertThat(groupManagement.group(GroupKind.ALIAS, acme.id(), alias.id()).teamIds()).isEmpty();
  }

  @Test
  void teamMemberFromAnotherCompanyIsRefusedAndNothingIsStored() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");

    mvc.perform(
            post("/accounts/{id}/teams/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "Mixed")
                .param("memberIds", acme.admin().id().toString(), globex.admin().id().toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"memberIds-error\"")))
        .andExpect(content().string(containsString("not a member of this company")))
        .andExpect(content().string(containsString("value=\"Mixed\"")));

    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void teamMemberThatIsNotAnIdIsRefusedNextToTheField() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(
            post("/accounts/{id}/teams/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "Broken")
                .param("memberIds", "not-a-uuid"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"memberIds-error\"")))
        .andExpect(content().string(containsString("is not a valid value")));

    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void duplicateTeamNameIsRefused() throws Exception {
    Company acme = fixtures.company("Acme");
    groupManagement.create(
        Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Engineering", Set.of()));
    Group other =
        groupManagement.create(
            Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Sales", Set.of()));

    mvc.perform(
            post("/accounts/{id}/teams/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "engineering"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"name-error\"")))
        .andExpect(content().string(containsString("another team has this name")));
    mvc.perform(
            post("/accounts/{id}/teams/{tid}", acme.id(), other.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "Engineering"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("another team has this name")));

    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items())
        .extracting(Group::name)
        .containsExactly("Engineering", "Sales");
  }

  @Test
  void teamNameWithMarkupIsRefusedAndNotEchoedUnescaped() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(
            post("/accounts/{id}/teams/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "<script>alert(1)</script>"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"name-error\"")))
        .andExpect(content().string(not(containsString("<script>alert(1)"))));

    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void adminOfAnotherCompanyGetsNotFoundOnTeamPagesAndPosts() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User intruder = globex.admin();
    Group team =
        groupManagement.create(
            Actor.SYSTEM,
            GroupKind.TEAM,
            acme.id(),
            GroupDraft.team("Engineering", Set.of(acme.admin().id())));

    mvc.perform(get("/accounts/{id}/teams", acme.id()).with(as(intruder)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/accounts/{id}/teams/new", acme.id()).with(as(intruder)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/accounts/{id}/teams/{tid}", acme.id(), team.id()).with(as(intruder)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/teams/new", acme.id())
                .with(as(intruder))
                .with(csrf())
                .param("name", "Planted"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/teams/{tid}", acme.id(), team.id())
                .with(as(intruder))
                .with(csrf())
                .param("name", "Hijacked"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/teams/{tid}/delete", acme.id(), team.id())
                .with(as(intruder))
                .with(csrf()))
        .andExpect(status().isNotFound());

    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo("Engineering");
              assertThat(t.memberIds()).containsExactly(acme.admin().id());
            });
  }

  @Test
  void teamOfAnotherCompanyIsNotFoundUnderOwnAccountUrl() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User intruder = globex.admin();
    Group team =
        groupManagement.create(
            Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Engineering", Set.of()));

    mvc.perform(get("/accounts/{id}/teams/{tid}", globex.id(), team.id()).with(as(intruder)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/teams/{tid}", globex.id(), team.id())
                .with(as(intruder))
                .with(csrf())
                .param("name", "Hijacked")
                .param("memberIds", intruder.id().toString()))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/teams/{tid}/delete", globex.id(), team.id())
                .with(as(intruder))
                .with(csrf()))
        .andExpect(status().isNotFound());

    assertThat(groupManagement.group(GroupKind.TEAM, acme.id(), team.id()).name())
        .isEqualTo("Engineering");
    assertThat(groupManagement.group(GroupKind.TEAM, acme.id(), team.id()).memberIds()).isEmpty();
    assertThat(groupManagement.groups(GroupKind.TEAM, globex.id(), ALL).items()).isEmpty();
  }

  @Test
  void memberAndLightUserGetNotFoundOnTeams() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);

    mvc.perform(get("/accounts/{id}/teams", acme.id()).with(as(member)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/accounts/{id}/teams", acme.id()).with(as(light)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/teams/new", acme.id())
                .with(as(member))
                .with(csrf())
                .param("name", "Shadow"))
        .andExpect(status().isNotFound());

    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void operatorManagesTeamsOfAnyCompany() throws Exception {
    Company acme = fixtures.company("Acme");
    User operator = fixtures.operator();

    mvc.perform(get("/accounts/{id}/teams", acme.id()).with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(acme.account().name())));
    mvc.perform(
            post("/accounts/{id}/teams/new", acme.id())
                .with(as(operator))
                .with(csrf())
                .param("name", "Support")
                .param("memberIds", acme.admin().id().toString()))
        .andExpect(status().is3xxRedirection());

    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items())
        .extracting(Group::name)
        .containsExactly("Support");
  }

  @Test
  void teamPagesOfAnUnknownAccountAreNotFound() throws Exception {
    User operator = fixtures.operator();
    mvc.perform(get("/accounts/{id}/teams", UUID.randomUUID()).with(as(operator)))
        .andExpect(status().isNotFound());
  }
}
