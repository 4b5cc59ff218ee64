package dev.portico.accounts;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PorticoTest
class AliasesConsoleTests {

  private static final ResultPage.Request ALL =
      new ResultPage.Request(0, ResultPage.Request.MAX_SIZE);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired GroupManagement groupManagement;

  @Test
  void aliasesPageWhenCompanyHasNoAliasesThenSaysHowToCreateOne() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(get("/accounts/{id}/aliases", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("No aliases yet.")))
        .andExpect(content().string(containsString("Create the first alias")));
  }

  @Test
  void adminCreatesAliasOfUsersAndTeamsThenItIsListed() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Group team =
        groupManagement.create(
            Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Design", Set.of()));

    mvc.perform(get("/accounts/{id}/aliases/new", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Design")))
        .andExpect(content().string(containsString(bob.email())));
    mvc.perform(
            post("/accounts/{id}/aliases/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "cad-admins")
                .param("memberIds", bob.id().toString())
                .param("teamIds", team.id().toString()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/accounts/" + acme.id() + "/aliases"));

    assertThat(groupManagement.groups(GroupKind.ALIAS, acme.id(), ALL).items())
        .singleElement()
        .satisfies(
            alias -> {
              assertThat(alias.name()).isEqualTo("cad-admins");
              assertThat(alias.memberIds()).containsExactly(bob.id());
              assertThat(alias.teamIds()).containsExactly(team.id());
            });
    mvc.perform(get("/accounts/{id}/aliases", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("cad-admins")))
        .andExpect(content().string(containsString(bob.name())))
        .andExpect(content().string(containsString("Design")));
  }

  @Test
  void adminEditsAliasThenNameUsersAndTeamsAreSaved() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Group team =
        groupManagement.create(
            Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Design", Set.of()));
    Group alias =
        groupManagement.create(
            Actor.SYSTEM,
            GroupKind.ALIAS,
            acme.id(),
            new GroupDraft("cad-admins", Set.of(acme.admin().id()), Set.of()));

    mvc.perform(get("/accounts/{id}/aliases/{aid}", acme.id(), alias.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"cad-admins\"")))
        .andExpect(content().string(containsString("Delete alias")));
    mvc.perform(
            post("/accounts/{id}/aliases/{aid}", acme.id(), alias.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "cad-users")
                .param("memberIds", bob.id().toString())
                .param("teamIds", team.id().toString()))
        .andExpect(status().is3xxRedirection());

    Group saved = groupManagement.group(GroupKind.ALIAS, acme.id(), alias.id());
    assertThat(saved.name()).isEqualTo("cad-users");
    assertThat(saved.memberIds()).containsExactly(bob.id());
    assertThat(saved.teamIds()).containsExactly(team.id());
  }

  @Test
  void adminDeletesAliasThenItIsGoneAndItsTeamsStay() throws Exception {
    Company acme = fixtures.company("Acme");
    Group team =
        groupManagement.create(
            Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Design", Set.of()));
    Group alias =
        groupManagement.create(
            Actor.SYSTEM,
            GroupKind.ALIAS,
            acme.id(),
            new GroupDraft("everyone", Set.of(), Set.of(team.id())));

    mvc.perform(
            post("/accounts/{id}/aliases/{aid}/delete", acme.id(), alias.id())
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(groupManagement.groups(GroupKind.ALIAS, acme.id(), ALL).items()).isEmpty();
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items())
        .extracting(Group::id)
        .containsExactly(team.id());
  }

  @Test
  void aliasUserFromAnotherCompanyIsRefusedAndNothingIsStored() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");

    mvc.perform(
            post("/accounts/{id}/aliases/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "mixed")
                .param("memberIds", globex.admin().id().toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"memberIds-error\"")))
        .andExpect(content().string(containsString("value=\"mixed\"")));

    assertThat(groupManagement.groups(GroupKind.ALIAS, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void aliasTeamFromAnotherCompanyIsRefusedAndNothingIsStored() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Group foreign =
        groupManagement.create(
            Actor.SYSTEM, GroupKind.TEAM, globex.id(), GroupDraft.team("Ops", Set.of()));

    mvc.perform(
            post("/accounts/{id}/aliases/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "mixed")
                .param("teamIds", foreign.id().toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"teamIds-error\"")))
        .andExpect(content().string(containsString("not in this company")));

    assertThat(groupManagement.groups(GroupKind.ALIAS, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void duplicateAliasNameIsRefused() throws Exception {
    Company acme = fixtures.company("Acme");
    groupManagement.create(
        Actor.SYSTEM, GroupKind.ALIAS, acme.id(), new GroupDraft("everyone", Set.of(), Set.of()));

    mvc.perform(
            post("/accounts/{id}/aliases/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "Everyone"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"name-error\"")))
        .andExpect(content().string(containsString("another alias has this name")));

    assertThat(groupManagement.groups(GroupKind.ALIAS, acme.id(), ALL).items()).hasSize(1);
  }

  @Test
  void adminOfAnotherCompanyGetsNotFoundOnAliasPagesAndPosts() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User intruder = globex.admin();
    Group alias =
        groupManagement.create(
            Actor.SYSTEM,
            GroupKind.ALIAS,
            acme.id(),
            new GroupDraft("cad-admins", Set.of(acme.admin().id()), Set.of()));

    mvc.perform(get("/accounts/{id}/aliases", acme.id()).with(as(intruder)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/accounts/{id}/aliases/{aid}", acme.id(), alias.id()).with(as(intruder)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/aliases/new", acme.id())
                .with(as(intruder))
                .with(csrf())
                .param("name", "planted"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/aliases/{aid}", acme.id(), alias.id())
                .with(as(intruder))
                .with(csrf())
                .param("name", "hijacked"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/aliases/{aid}/delete", acme.id(), alias.id())
                .with(as(intruder))
                .with(csrf()))
        .andExpect(status().isNotFound());
    // Acme's alias id under Globex's own URL finds nothing either.
    mvc.perform(get("/accounts/{id}/aliases/{aid}", globex.id(), alias.id()).with(as(intruder)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/aliases/{aid}", globex.id(), alias.id())
                .with(as(intruder))
                .with(csrf())
                .param("name", "hijacked"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/aliases/{aid}/delete", globex.id(), alias.id())
                .with(as(intruder))
                .with(csrf()))
        .andExpect(status().isNotFound());

    Group kept = groupManagement.group(GroupKind.ALIAS, acme.id(), alias.id());
    assertThat(kept.name()).isEqualTo("cad-admins");
    assertThat(kept.memberIds()).containsExactly(acme.admin().id());
    assertThat(groupManagement.groups(GroupKind.ALIAS, acme.id(), ALL).items()).hasSize(1);
    assertThat(groupManagement.groups(GroupKind.ALIAS, globex.id(), ALL).items()).isEmpty();
  }

  @Test
  void memberAndLightUserGetNotFoundOnAliases() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);

    mvc.perform(get("/accounts/{id}/aliases", acme.id()).with(as(member)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/accounts/{id}/aliases", acme.id()).with(as(light)))
        .andExpect(status().isNotFound());
  }
}
