package dev.portico.store;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.store.LaunchFixtures.Launch;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * STO-3's review in the console: no request without the complete checklist (a forged POST changes
 * nothing); an entry in review cannot be edited; only the operator sees the queue and decides; a
 * return needs comments, which the owner then sees (escaped) and answers by asking again; an
 * approval makes the entry public and tells the change feed; every step is audited.
 */
@PorticoTest
class StoreReviewTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired LaunchFixtures launches;
  @Autowired StoreReview review;
  @Autowired StoreEntries entries;
  @Autowired JdbcClient jdbc;

  @Test
  void noPublicationIsRequestedWithoutTheCompleteChecklist() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = launches.app(acme.admin(), acme.id());
    StoreEntry entry = launches.entry(acme.admin(), app);
    launches.tickAll(acme.admin(), app);

    mvc.perform(request(app).with(as(acme.admin())).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            flash()
                .attribute(
                    "launchError",
                    org.hamcrest.Matchers.containsString(
                        "At least 5 beta testers subscribed is not done")));
    assertThat(state(entry)).isEqualTo(EntryState.PRIVATE);
    assertThat(review.history(entry)).isEmpty();
    assertThat(audits(entry, "store-entry.publication-requested")).isZero();
  }

  @Test
  void onlyTheAppsManagersRequestPublication() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Launch l = launches.ready(acme);
    for (User attacker :
        List.of(
            fixtures.member(acme, Role.MEMBER, License.FULL),
            fixtures.member(acme, Role.MEMBER, License.LIGHT),
            globex.admin())) {
      mvc.perform(request(l.app()).with(as(attacker)).with(csrf()))
          .andExpect(status().isNotFound());
    }
    assertThat(state(l.entry())).isEqualTo(EntryState.PRIVATE);
  }

  @Test
  void anEntryInReviewCannotBeEditedOrTicked() throws Exception {
    Company acme = fixtures.company("Acme");
    Launch l = launches.ready(acme);
    mvc.perform(request(l.app()).with(as(acme.admin())).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeExists("flash"));
    assertThat(state(l.entry())).isEqualTo(EntryState.IN_REVIEW);
    assertThat(audits(l.entry(), "store-entry.publication-requested")).isOne();

    String base = "/developer/oauth-applications/" + l.app().id() + "/store-entry";
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(base)
                .param("name", "Renamed in review")
                .param("summary", "x")
                .param("type", "INTEGRATED_CLOUD")
                .param("category", "CAM")
                .param("teamVisibility", "ALL_INTERNAL")
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().isConflict());
    mvc.perform(
            post(base + "/checklist")
                .param("item", "final-testing")
                .param("done", "false")
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().isConflict());
    mvc.perform(request(l.app()).with(as(acme.admin())).with(csrf()))
        .andExpect(status().isConflict());
    StoreEntry now = entries.entryOf(l.app()).orElseThrow();
    assertThat(now.name()).isEqualTo(l.entry().name());
    assertThat(page(l.entry().url(), acme.admin()))
        .contains("In review since")
        .doesNotContain("Edit store entry")
        .doesNotContain("Request publication");
  }

  @Test
  void onlyTheOperatorSeesTheQueueAndDecides() throws Exception {
    Company acme = fixtures.company("Acme");
    Launch l = launches.inReview(acme);
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    String one = "/operator/store-review/" + l.entry().id();
    for (User notOperator : List.of(acme.admin(), member)) {
      mvc.perform(get("/operator/store-review").with(as(notOperator)))
          .andExpect(status().isForbidden());
      mvc.perform(get(one).with(as(notOperator))).andExpect(status().isForbidden());
      mvc.perform(post(one).param("decision", "APPROVE").with(as(notOperator)).with(csrf()))
          .andExpect(status().isForbidden());
    }
    assertThat(state(l.entry())).isEqualTo(EntryState.IN_REVIEW);

    User operator = fixtures.operator();
    assertThat(page("/operator/store-review", operator))
        .contains(l.entry().name())
        .contains(acme.account().name())
        .contains("href=\"" + one + "\"");
    assertThat(page(one, operator))
        .contains("<strong>Hello</strong>")
        .contains("src=\"" + one + "/images/1\"")
        .contains("At least 5 beta testers subscribed")
        .contains(">Approve<")
        .contains(">Return<");
    mvc.perform(get(one + "/images/1").with(as(operator))).andExpect(status().isOk());
    mvc.perform(get("/operator/store-review/" + java.util.UUID.randomUUID()).with(as(operator)))
        .andExpect(status().isNotFound());
  }

  @Test
  void aReturnNeedsCommentsAtMost2000Characters() throws Exception {
    Company acme = fixtures.company("Acme");
    Launch l = launches.inReview(acme);
    User operator = fixtures.operator();
    String one = "/operator/store-review/" + l.entry().id();

    for (String comments : List.of("", "   ", "x".repeat(2001), "bad\u0007bell")) {
      String shown =
          mvc.perform(
                  post(one)
                      .param("decision", "RETURN")
                      .param("comments", comments)
                      .with(as(operator))
                      .with(csrf()))
              .andExpect(status().isUnprocessableContent())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(shown).contains("has-error").contains("id=\"comments-error\"");
    }
    assertThat(state(l.entry())).isEqualTo(EntryState.IN_REVIEW);
    assertThat(audits(l.entry(), "store-entry.returned")).isZero();
  }

  @Test
  void aReturnedEntryShowsTheCommentsAndIsResubmittedThenApproved() throws Exception {
    Company acme = fixtures.company("Acme");
    Launch l = launches.inReview(acme);
    User operator = fixtures.operator();
    String one = "/operator/store-review/" + l.entry().id();

    mvc.perform(
            post(one)
                .param("decision", "RETURN")
                .param("comments", "Add a <b>privacy</b> policy\nand screenshots.")
                .with(as(operator))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(state(l.entry())).isEqualTo(EntryState.RETURNED);
    assertThat(page(l.entry().url(), acme.admin()))
        .contains("Returned by the operator")
        .contains("Add a &lt;b&gt;privacy&lt;/b&gt; policy")
        .doesNotContain("<b>privacy</b>")
        .containsPattern("<button type=\"submit\" class=\"primary\">Request publication");

    mvc.perform(request(l.app()).with(as(acme.admin())).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(state(l.entry())).isEqualTo(EntryState.IN_REVIEW);
    mvc.perform(post(one).param("decision", "APPROVE").with(as(operator)).with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(state(l.entry())).isEqualTo(EntryState.PUBLIC);
    assertThat(
            jdbc.sql("select published_at is not null from sto_entry where id = :id")
                .param("id", l.entry().id())
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(review.history(l.entry()))
        .extracting(ReviewStep::kind)
        .containsExactly(
            ReviewStep.Kind.APPROVED,
            ReviewStep.Kind.REQUESTED,
            ReviewStep.Kind.RETURNED,
            ReviewStep.Kind.REQUESTED);
    assertThat(audits(l.entry(), "store-entry.publication-requested")).isEqualTo(2);
    assertThat(audits(l.entry(), "store-entry.returned")).isOne();
    assertThat(audits(l.entry(), "store-entry.approved")).isOne();
    assertThat(
            jdbc.sql("select count(*) from change_feed where topic = 'store' and subject = :app")
                .param("app", l.app().id().toString())
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(page("/operator/store-review", operator)).doesNotContain(l.entry().name());
  }

  private static MockHttpServletRequestBuilder request(Application app) {
    return post("/developer/oauth-applications/" + app.id() + "/store-entry/publication");
  }

  private String page(String path, User user) throws Exception {
    return mvc.perform(get(path).with(as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private long audits(StoreEntry entry, String action) {
    return jdbc.sql("select count(*) from aud_entry where action = :a and target = :t")
        .param("a", action)
        .param("t", "store entry " + entry.name())
        .query(Long.class)
        .single();
  }

  private EntryState state(StoreEntry entry) {
    return EntryState.valueOf(
        jdbc.sql("select state from sto_entry where id = :id")
            .param("id", entry.id())
            .query(String.class)
            .single());
  }
}
