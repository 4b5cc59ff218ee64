package dev.portico.accounts;

import static dev.portico.support.TestAccounts.as;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.ResultPage;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PorticoTest
class OperatorAccountsConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired AccountManagement management;
  @Autowired UserManagement userManagement;

  @Test
  void operatorReachesOperatorPages() throws Exception {
    User operator = fixtures.operator();
    Company acme = fixtures.company("Acme");

    mvc.perform(get("/operator/accounts").with(as(operator))).andExpect(status().isOk());
    mvc.perform(get("/operator/accounts/new").with(as(operator))).andExpect(status().isOk());
    mvc.perform(get("/operator/accounts/{id}", acme.id()).with(as(operator)))
        .andExpect(status().isOk());
  }

  @Test
  void adminAndMemberAreForbiddenOnOperatorPages() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);

    // The security chain refuses non-operators before any controller runs: 403, not 404.
    mvc.perform(get("/operator/accounts").with(as(acme.admin()))).andExpect(status().isForbidden());
    mvc.perform(get("/operator/accounts/{id}", acme.id()).with(as(acme.admin())))
        .andExpect(status().isForbidden());
    mvc.perform(get("/operator/accounts").with(as(member))).andExpect(status().isForbidden());
    mvc.perform(
            post("/operator/accounts/new")
                .with(as(acme.admin()))
                .with(csrf())
                .param("type", "COMPANY")
                .param("name", "Planted " + acme.tag())
                .param("plan", "FREE")
                .param("adminEmail", "planted-" + acme.tag() + "@example.test")
                .param("adminName", "Planted")
                .param("adminPassword", TestAccounts.PASSWORD))
        .andExpect(status().isForbidden());

    assertThat(userManagement.userByEmail("planted-" + acme.tag() + "@example.test")).isEmpty();
  }

  @Test
  void anonymousVisitorIsSentToSignInFromOperatorPages() throws Exception {
    mvc.perform(get("/operator/accounts"))
        .andExpect(status().is3xxRedirection())
        .andExpect(unauthenticated());
  }

  @Test
  void sessionWithOperatorRoleIsRefusedWhenUserIsNotOperatorInDatabase() throws Exception {
    Company acme = fixtures.company("Acme");
    User admin = acme.admin();
    // A session that still carries ROLE_OPERATOR for a user who is not (or no longer) an operator.
    User stale =
        new User(
            admin.id(),
            admin.email(),
            admin.name(),
            admin.license(),
            admin.state(),
            true,
            admin.personalAccountId(),
            admin.companyId(),
            admin.role(),
            admin.createdAt());

    mvc.perform(get("/operator/accounts").with(as(stale))).andExpect(status().isNotFound());
    mvc.perform(get("/operator/accounts/new").with(as(stale))).andExpect(status().isNotFound());
    mvc.perform(get("/operator/accounts/{id}", acme.id()).with(as(stale)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/operator/accounts/{id}", acme.id())
                .with(as(stale))
                .with(csrf())
                .param("plan", "FREE"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/operator/accounts/new")
                .with(as(stale))
                .with(csrf())
                .param("type", "COMPANY")
                .param("name", "Planted " + acme.tag())
                .param("plan", "FREE")
                .param("adminEmail", "planted-" + acme.tag() + "@example.test")
                .param("adminName", "Planted")
                .param("adminPassword", TestAccounts.PASSWORD))
        .andExpect(status().isNotFound());

    assertThat(management.account(acme.id()).orElseThrow().plan()).isEqualTo(Plan.PROFESSIONAL);
    assertThat(userManagement.userByEmail("planted-" + acme.tag() + "@example.test")).isEmpty();
  }

  @Test
  void operatorCreatesAccountWithFirstAdminThenAdminCanSignIn() throws Exception {
    User operator = fixtures.operator();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "first-" + tag + "@initech.test";

    MvcResult created =
        mvc.perform(
                post("/operator/accounts/new")
                    .with(as(operator))
                    .with(csrf())
                    .param("type", "COMPANY")
                    .param("name", "Initech " + tag)
                    .param("plan", "STANDARD")
                    .param("allocationOverride", "250000")
                    .param("adminEmail", email)
                    .param("adminName", "Peter Gibbons")
                    .param("adminPassword", "initech-password-1"))
            .andExpect(status().is3xxRedirection())
            .andReturn();

    User admin = userManagement.userByEmail(email).orElseThrow();
    Account account = management.account(requireNonNull(admin.companyId())).orElseThrow();
    assertThat(account.name()).isEqualTo("Initech " + tag);
    assertThat(account.type()).isEqualTo(AccountType.COMPANY);
    assertThat(account.plan()).isEqualTo(Plan.STANDARD);
    assertThat(account.allocationOverride()).isEqualTo(250000L);
    assertThat(admin.role()).isEqualTo(Role.ADMIN);
    assertThat(created.getResponse().getRedirectedUrl())
        .isEqualTo("/operator/accounts/" + account.id());

    MvcResult signIn =
        mvc.perform(
                formLogin("/login").user("email", email).password("password", "initech-password-1"))
            .andExpect(authenticated())
            .andReturn();
    // console sessions are stored by Spring Session: the session cookie is what signs in
    jakarta.servlet.http.Cookie session =
        requireNonNull(signIn.getResponse().getCookie(ConsoleClient.SESSION_COOKIE));
    mvc.perform(get("/accounts/{id}/users", account.id()).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(email)));
  }

  @Test
  void accountCreatedWithoutOverrideReadsBackWithoutOverride() throws Exception {
    User operator = fixtures.operator();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "plain-" + tag + "@example.test";

    mvc.perform(
            post("/operator/accounts/new")
                .with(as(operator))
                .with(csrf())
                .param("type", "CLASSROOM")
                .param("name", "Class " + tag)
                .param("plan", "EDU_EDUCATOR")
                .param("allocationOverride", "")
                .param("adminEmail", email)
                .param("adminName", "Teacher")
                .param("adminPassword", TestAccounts.PASSWORD))
        .andExpect(status().is3xxRedirection());

    User admin = userManagement.userByEmail(email).orElseThrow();
    Account account = management.account(requireNonNull(admin.companyId())).orElseThrow();
    assertThat(account.type()).isEqualTo(AccountType.CLASSROOM);
    assertThat(account.allocationOverride()).isNull();
  }

  @Test
  void invalidAccountFormShowsFieldErrorsAndStoresNothing() throws Exception {
    User operator = fixtures.operator();
    String tag = UUID.randomUUID().toString().substring(0, 8);

    mvc.perform(
            post("/operator/accounts/new")
                .with(as(operator))
                .with(csrf())
                .param("type", "")
                .param("name", "Broken " + tag)
                .param("plan", "")
                .param("adminEmail", "not-an-email")
                .param("adminName", "")
                .param("adminPassword", "short"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"type-error\"")))
        .andExpect(content().string(containsString("choose a type")))
        .andExpect(content().string(containsString("id=\"plan-error\"")))
        .andExpect(content().string(containsString("choose a plan")))
        .andExpect(content().string(containsString("id=\"adminEmail-error\"")))
        .andExpect(content().string(containsString("must be an email address")))
        .andExpect(content().string(containsString("id=\"adminName-error\"")))
        .andExpect(content().string(containsString("id=\"adminPassword-error\"")))
        .andExpect(content().string(containsString("must be 10 to 128 characters")))
        .andExpect(content().string(containsString("value=\"Broken " + tag + "\"")))
        .andExpect(content().string(containsString("value=\"not-an-email\"")))
        .andExpect(content().string(not(containsString("value=\"short\""))));

    assertThat(management.searchAccounts(null, tag, new ResultPage.Request(0, 10)).total())
        .isZero();
  }

  @Test
  void enterpriseWithoutDomainIsRefusedNextToTheDomainField() throws Exception {
    User operator = fixtures.operator();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "ent-" + tag + "@example.test";

    mvc.perform(
            post("/operator/accounts/new")
                .with(as(operator))
                .with(csrf())
                .param("type", "ENTERPRISE")
                .param("name", "Umbrella " + tag)
                .param("plan", "ENTERPRISE")
                .param("domain", "")
                .param("adminEmail", email)
                .param("adminName", "Ada")
                .param("adminPassword", TestAccounts.PASSWORD))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"domain-error\"")))
        .andExpect(content().string(containsString("is required for an enterprise")));

    assertThat(userManagement.userByEmail(email)).isEmpty();
    assertThat(management.searchAccounts(null, tag, new ResultPage.Request(0, 10)).total())
        .isZero();
  }

  @Test
  void firstAdminWithAnEmailAlreadyRegisteredIsRefusedNextToTheEmailField() throws Exception {
    User operator = fixtures.operator();
    Company acme = fixtures.company("Acme");
    String tag = UUID.randomUUID().toString().substring(0, 8);

    mvc.perform(
            post("/operator/accounts/new")
                .with(as(operator))
                .with(csrf())
                .param("type", "COMPANY")
                .param("name", "Copycat " + tag)
                .param("plan", "FREE")
                .param("adminEmail", acme.admin().email().toUpperCase())
                .param("adminName", "Copy")
                .param("adminPassword", TestAccounts.PASSWORD))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"adminEmail-error\"")))
        .andExpect(content().string(containsString("is already registered")));

    assertThat(management.searchAccounts(null, tag, new ResultPage.Request(0, 10)).total())
        .isZero();
  }

  @Test
  void allocationOverrideThatIsNotANumberIsRefusedNextToTheField() throws Exception {
    User operator = fixtures.operator();
    String tag = UUID.randomUUID().toString().substring(0, 8);

    mvc.perform(
            post("/operator/accounts/new")
                .with(as(operator))
                .with(csrf())
                .param("type", "COMPANY")
                .param("name", "Numbers " + tag)
                .param("plan", "FREE")
                .param("allocationOverride", "lots")
                .param("adminEmail", "numbers-" + tag + "@example.test")
                .param("adminName", "Nina")
                .param("adminPassword", TestAccounts.PASSWORD))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"allocationOverride-error\"")))
        .andExpect(content().string(containsString("must be a whole number")));

    assertThat(management.searchAccounts(null, tag, new ResultPage.Request(0, 10)).total())
        .isZero();
  }

  @Test
  void operatorSearchesAccountsByNameAndFiltersByType() throws Exception {
    User operator = fixtures.operator();
    Company company = fixtures.company("Searchco");
    Company enterprise = fixtures.enterprise("Searchco");

    mvc.perform(get("/operator/accounts").param("q", company.tag()).with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(company.account().name())))
        .andExpect(content().string(not(containsString(enterprise.account().name()))));
    mvc.perform(
            get("/operator/accounts")
                .param("q", "Searchco")
                .param("type", "ENTERPRISE")
                .with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(enterprise.account().name())))
        .andExpect(content().string(not(containsString(company.account().name()))));
    mvc.perform(get("/operator/accounts").param("q", "no-such-" + company.tag()).with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("No account matches")));
  }

  @Test
  void searchAsYouTypeAnswersOnlyTheTableToHtmx() throws Exception {
    User operator = fixtures.operator();
    Company company = fixtures.company("Htmxco");

    mvc.perform(
            get("/operator/accounts")
                .param("q", company.tag())
                .header("HX-Request", "true")
                .with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"accounts-table\"")))
        .andExpect(content().string(containsString(company.account().name())))
        .andExpect(content().string(not(containsString("<html"))));
    // Going back to a page htmx no longer has cached needs the whole page.
    mvc.perform(
            get("/operator/accounts")
                .param("q", company.tag())
                .header("HX-Request", "true")
                .header("HX-History-Restore-Request", "true")
                .with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")));
  }

  @Test
  void operatorChangesPlanAllocationAndStartThenClearsTheOverride() throws Exception {
    User operator = fixtures.operator();
    Company acme = fixtures.company("Acme");

    mvc.perform(
            post("/operator/accounts/{id}", acme.id())
                .with(as(operator))
                .with(csrf())
                .param("plan", "STANDARD")
                .param("allocationStart", "2026-03-01")
                .param("allocationOverride", "5000"))
        .andExpect(status().is3xxRedirection());

    Account changed = management.account(acme.id()).orElseThrow();
    assertThat(changed.plan()).isEqualTo(Plan.STANDARD);
    assertThat(changed.allocationStart()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(changed.allocationOverride()).isEqualTo(5000L);
    mvc.perform(get("/operator/accounts/{id}", acme.id()).with(as(operator)))
        .andExpect(content().string(containsString("value=\"2026-03-01\"")))
        .andExpect(content().string(containsString("5,000")));

    mvc.perform(
            post("/operator/accounts/{id}", acme.id())
                .with(as(operator))
                .with(csrf())
                .param("plan", "STANDARD")
                .param("allocationStart", "2026-03-01")
                .param("allocationOverride", ""))
        .andExpect(status().is3xxRedirection());

    assertThat(management.account(acme.id()).orElseThrow().allocationOverride()).isNull();
  }

  @Test
  void negativeAllocationOverrideIsRefusedAndNothingChanges() throws Exception {
    User operator = fixtures.operator();
    Company acme = fixtures.company("Acme");

    mvc.perform(
            post("/operator/accounts/{id}", acme.id())
                .with(as(operator))
                .with(csrf())
                .param("plan", "FREE")
                .param("allocationOverride", "-1"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"allocationOverride-error\"")));

    Account kept = management.account(acme.id()).orElseThrow();
    assertThat(kept.plan()).isEqualTo(Plan.PROFESSIONAL);
    assertThat(kept.allocationOverride()).isNull();
  }

  @Test
  void operatorChangesEnterpriseDomainAndAnEmptiedDomainIsRefused() throws Exception {
    User operator = fixtures.operator();
    Company umbrella = fixtures.enterprise("Umbrella");
    String domain = "new-" + umbrella.tag() + ".portico.test";

    mvc.perform(
            post("/operator/accounts/{id}", umbrella.id())
                .with(as(operator))
                .with(csrf())
                .param("plan", "ENTERPRISE")
                .param("domain", domain))
        .andExpect(status().is3xxRedirection());
    assertThat(management.account(umbrella.id()).orElseThrow().domain()).isEqualTo(domain);

    mvc.perform(
            post("/operator/accounts/{id}", umbrella.id())
                .with(as(operator))
                .with(csrf())
                .param("plan", "ENTERPRISE")
                .param("domain", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"domain-error\"")));
    assertThat(management.account(umbrella.id()).orElseThrow().domain()).isEqualTo(domain);
  }

  @Test
  void companyAccountPageLinksToItsUsersTeamsAndAliases() throws Exception {
    User operator = fixtures.operator();
    Company acme = fixtures.company("Acme");

    mvc.perform(get("/operator/accounts/{id}", acme.id()).with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/accounts/" + acme.id() + "/users")))
        .andExpect(content().string(containsString("/accounts/" + acme.id() + "/teams")))
        .andExpect(content().string(containsString("/accounts/" + acme.id() + "/aliases")))
        .andExpect(content().string(containsString(acme.admin().email())));
    mvc.perform(get("/accounts/{id}/users", acme.id()).with(as(operator)))
        .andExpect(status().isOk());
  }

  @Test
  void individualAccountPageShowsItsOwner() throws Exception {
    User operator = fixtures.operator();
    User solo = fixtures.individual();

    mvc.perform(get("/operator/accounts/{id}", solo.personalAccountId()).with(as(operator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(solo.email())))
        .andExpect(
            content()
                .string(not(containsString("/accounts/" + solo.personalAccountId() + "/users"))));
  }

  @Test
  void unknownAccountIsNotFound() throws Exception {
    User operator = fixtures.operator();
    mvc.perform(get("/operator/accounts/{id}", UUID.randomUUID()).with(as(operator)))
        .andExpect(status().isNotFound());
  }
}
