package dev.portico.audit;

import static dev.portico.audit.TestAuditEvents.changed;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Who sees which audit log in the console (AUD-1), and how entries are shown. */
@PorticoTest
class AuditLogConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestAuditEvents events;

  @Test
  void adminSeesTheirAccountsEntriesWithActorActionTargetDiffAndSourceIp() throws Exception {
    Company acme = fixtures.company("Acme");
    String email = addUser(acme, "carol", "192.0.2.44");

    mvc.perform(get("/accounts/{id}/audit", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("user " + email),
                        containsString("user.added"),
                        containsString("<li><span>role</span>: <span>MEMBER</span></li>"),
                        containsString("192.0.2.44"),
                        containsString("class=\"relative\""))));
  }

  @Test
  void adminOfAnotherCompanyNeverSeesItsEntries() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    String acmeEmail = addUser(acme, "dave");
    String globexEmail = addUser(globex, "erin");

    mvc.perform(get("/accounts/{id}/audit", globex.id()).with(as(globex.admin())))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString(globexEmail),
                        not(containsString(acmeEmail)),
                        not(containsString(acme.admin().email())))));
    mvc.perform(get("/accounts/{id}/audit", acme.id()).with(as(globex.admin())))
        .andExpect(status().isNotFound())
        .andExpect(content().string(not(containsString(acmeEmail))));
  }

  @Test
  void memberCanNotSeeTheAuditLog() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);

    mvc.perform(get("/accounts/{id}/audit", acme.id()).with(as(member)))
        .andExpect(status().isNotFound());
  }

  @Test
  void operatorSeesEntriesOfAllAccounts() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User operator = fixtures.operator();
    String acmeEmail = addUser(acme, "frank");
    String globexEmail = addUser(globex, "grace");

    mvc.perform(get("/operator/audit").param("q", acmeEmail).with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(allOf(containsString(acmeEmail), containsString(acme.account().name()))));
    mvc.perform(get("/operator/audit").param("q", globexEmail).with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(containsString(globexEmail), containsString(globex.account().name()))));
    mvc.perform(get("/accounts/{id}/audit", acme.id()).with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(acmeEmail)));
  }

  @Test
  void adminCanNotSeeTheOperatorLog() throws Exception {
    Company acme = fixtures.company("Acme");

    // The console's security chain refuses /operator/** to non-operators before the controller.
    mvc.perform(get("/operator/audit").with(as(acme.admin()))).andExpect(status().isForbidden());
  }

  @Test
  void entryWithMarkupWhenShownThenItIsEscaped() throws Exception {
    Company acme = fixtures.company("Acme");
    events.commit(
        changed(acme.id(), "app.updated", "application <b>Bold</b>")
            .withDiff(Map.of("summary", "<script>alert(1)</script>")));

    mvc.perform(get("/accounts/{id}/audit", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("application &lt;b&gt;Bold&lt;/b&gt;"),
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert")),
                        not(containsString("<b>Bold")))));
  }

  @Test
  void changesColumnShowsOneShortLinePerFieldAndTheWholeValueOnHoverAndExpanded() throws Exception {
    Company acme = fixtures.company("Acme");
    String members =
        IntStream.range(0, 20)
            .mapToObj(i -> "member-" + i + "@" + acme.tag() + ".test")
            .collect(Collectors.joining(", "));
    events.commit(
        changed(acme.id(), "team.created", "team Everyone " + acme.tag())
            .withDiff(Map.of("members", members, "name", "Everyone")));

    String page =
        mvc.perform(get("/accounts/{id}/audit", acme.id()).with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .as("a short value: as it is, on its line")
        .contains("<li><span>name</span>: <span>Everyone</span></li>")
        .as("a long value: its first 47 characters and …, the whole on hover and when expanded")
        .contains(
            "<summary title=\""
                + members
                + "\"><span>members</span>: <span>"
                + members.substring(0, 47)
                + "…</span></summary><span class=\"full\">"
                + members
                + "</span>")
        .as("the long value appears nowhere else")
        .satisfies(html -> assertThat(html.split(Pattern.quote(members), -1)).hasSize(3));
  }

  @Test
  void filterWhenAskedByHtmxThenOnlyTheTableIsAnswered() throws Exception {
    Company acme = fixtures.company("Acme");
    String email = addUser(acme, "heidi");

    mvc.perform(
            get("/accounts/{id}/audit", acme.id())
                .param("action", "user.")
                .param("q", "heidi")
                .header("HX-Request", "true")
                .with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"audit-table\""),
                        containsString(email),
                        not(containsString("<html")),
                        not(containsString("user " + acme.admin().email())))));
  }

  private String addUser(Company company, String name) throws Exception {
    return addUser(company, name, "127.0.0.1");
  }

  private String addUser(Company company, String name, String sourceIp) throws Exception {
    String email = name + "-" + company.tag() + "@" + company.tag() + ".test";
    mvc.perform(
            post("/accounts/{id}/users/new", company.id())
                .with(as(company.admin()))
                .with(csrf())
                .with(
                    request -> {
                      request.setRemoteAddr(sourceIp);
                      return request;
                    })
                .param("email", email)
                .param("name", name)
                .param("role", "MEMBER")
                .param("license", "FULL"))
        .andExpect(status().is3xxRedirection());
    return email;
  }
}
