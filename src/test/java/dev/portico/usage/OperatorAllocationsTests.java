package dev.portico.usage;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountChanges;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.License;
import dev.portico.accounts.Plan;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Operator → Accounts and {@code /api/accounts/{id}}: the computed allocation, bad input. */
@PorticoTest
class OperatorAllocationsTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired AccountManagement accounts;
  @Autowired Allocations allocations;

  @Test
  void operatorPageShowsPlanFigureSeatsProRatedShareOverrideAndPeriod() throws Exception {
    Company umbrella = fixtures.enterprise("Umbrella");
    fixtures.member(umbrella, Role.MEMBER, License.FULL);
    LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(100);
    accounts.updateAccount(
        Actor.SYSTEM, umbrella.id(), new AccountChanges(null, null, null, start, null, false));
    fixtures.member(umbrella, Role.MEMBER, License.FULL); // added mid-period
    AllocationDetails expected = allocations.details(umbrella.id());
    assertThat(expected.fullUsersProRated()).isBetween(1L, 9_999L);

    mvc.perform(get("/operator/accounts/{id}", umbrella.id()).with(as(fixtures.operator())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("10,000 per full user a year")))
        .andExpect(content().string(containsString("id=\"allocation-period-start\">" + start)))
        .andExpect(
            content()
                .string(
                    containsString(
                        "id=\"allocation-period-end\">" + start.plusYears(1).minusDays(1))))
        .andExpect(content().string(containsString("id=\"allocation-seats-full-user\"")))
        .andExpect(
            content().string(containsString(formatted(20_000 + expected.fullUsersProRated()))))
        .andExpect(content().string(containsString(formatted(expected.fullUsersProRated()))));

    accounts.updateAccount(
        Actor.SYSTEM, umbrella.id(), new AccountChanges(null, null, null, null, 4_321L, false));
    mvc.perform(get("/operator/accounts/{id}", umbrella.id()).with(as(fixtures.operator())))
        .andExpect(content().string(containsString("id=\"allocation-total\">4,321</strong>")))
        .andExpect(content().string(containsString("4,321 calls (replaces the plan figure)")));
  }

  @Test
  void individualAccountPageShowsItsPerAccountFigure() throws Exception {
    User solo = fixtures.individual();
    mvc.perform(
            get("/operator/accounts/{id}", solo.personalAccountId()).with(as(fixtures.operator())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("FREE: 2,500 per account")))
        .andExpect(content().string(containsString("id=\"allocation-total\">2,500</strong>")))
        .andExpect(content().string(not(containsString("allocation-seats-"))));
  }

  @Test
  void companyAdminMemberLightUserAndOtherCompanysAdminAreRefusedOnTheOperatorPage()
      throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);

    // /operator/** is refused by the security chain before any controller runs (403)
    for (User attacker : new User[] {acme.admin(), member, light, globex.admin()}) {
      mvc.perform(get("/operator/accounts/{id}", acme.id()).with(as(attacker)))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/operator/accounts/{id}", acme.id())
                  .with(as(attacker))
                  .with(csrf())
                  .param("plan", "ENTERPRISE")
                  .param("allocationStart", "2020-01-01")
                  .param("allocationOverride", "99999999"))
          .andExpect(status().isForbidden());
    }

    Account kept = accounts.account(acme.id()).orElseThrow();
    assertThat(kept.plan()).isEqualTo(Plan.PROFESSIONAL);
    assertThat(kept.allocationOverride()).isNull();
    assertThat(kept.allocationStart()).isEqualTo(acme.account().allocationStart());
  }

  @ParameterizedTest(name = "override \"{0}\"")
  @CsvSource({
    "lots, must be a whole number",
    "-5, must be greater than or equal to 0",
    "1000000000001, must be at most 1,000,000,000,000",
    "99999999999999999999999, must be a whole number",
    "12.5, must be a whole number"
  })
  void badOverrideIsRefusedNextToTheFieldWithTheInputKeptAndNothingStored(
      String override, String message) throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(
            post("/operator/accounts/{id}", acme.id())
                .with(as(fixtures.operator()))
                .with(csrf())
                .param("plan", "ENTERPRISE")
                .param("allocationStart", "2026-03-01")
                .param("allocationOverride", override))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"allocationOverride-error\"")))
        .andExpect(content().string(containsString(message)))
        .andExpect(content().string(containsString("value=\"" + override + "\"")));

    assertUnchanged(acme);
  }

  @ParameterizedTest(name = "start \"{0}\"")
  @CsvSource({"2026-02-30", "31/01/2026", "next tuesday", "99999-01-01"})
  void badAllocationStartIsRefusedNextToTheFieldWithTheInputKeptAndNothingStored(String start)
      throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(
            post("/operator/accounts/{id}", acme.id())
                .with(as(fixtures.operator()))
                .with(csrf())
                .param("plan", "ENTERPRISE")
                .param("allocationStart", start)
                .param("allocationOverride", "1000"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"allocationStart-error\"")))
        .andExpect(content().string(containsString("must be a date such as 2026-01-31")))
        .andExpect(content().string(containsString("value=\"" + start + "\"")));

    assertUnchanged(acme);
  }

  @Test
  void unknownPlanIsRefusedNextToTheField() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(
            post("/operator/accounts/{id}", acme.id())
                .with(as(fixtures.operator()))
                .with(csrf())
                .param("plan", "PLATINUM")
                .param("allocationOverride", "1000"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"plan-error\"")));
    assertUnchanged(acme);
  }

  @Test
  void restReadOfOneAccountAddsItsAllocationAndPeriodAndSearchDoesNot() throws Exception {
    Company acme = fixtures.company("Acme");
    fixtures.member(acme, Role.MEMBER, License.LIGHT);
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    LocalDate start = acme.account().allocationStart();

    mvc.perform(
            get("/api/accounts/{id}", acme.id()).header("Authorization", TestApiKeys.basic(ops)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.allocation").value(10_000))
        .andExpect(jsonPath("$.period.start").value(start.toString()))
        .andExpect(jsonPath("$.period.end").value(start.plusYears(1).minusDays(1).toString()));
    mvc.perform(
            get("/api/accounts/{id}", acme.id())
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(acme.admin()))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.allocation").value(10_000));
    mvc.perform(
            get("/api/accounts")
                .param("q", acme.tag())
                .header("Authorization", TestApiKeys.basic(ops)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].id").value(acme.id().toString()))
        .andExpect(jsonPath("$.items[0].allocation").doesNotExist())
        .andExpect(jsonPath("$.items[0].period").doesNotExist());
  }

  @Test
  void restChangeOfOverrideAnswersTheNewAllocation() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    assertThat(allocations.current(acme.id()).allocation()).isEqualTo(5_000); // cached now

    mvc.perform(
            patch("/api/accounts/{id}", acme.id())
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"allocationOverride\":250000}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.allocationOverride").value(250_000))
        .andExpect(jsonPath("$.allocation").value(250_000));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"allocationOverride\":-1}|422|allocationOverride",
        "{\"allocationOverride\":1000000000001}|422|allocationOverride",
        "{\"allocationOverride\":\"lots\"}|400|allocationOverride",
        "{\"allocationStart\":\"2026-02-30\"}|400|allocationStart",
        "{\"allocationStart\":\"31/01/2026\"}|400|allocationStart",
        "{\"plan\":\"PLATINUM\"}|400|plan"
      })
  void restBadInputNamesTheFieldAndStoresNothing(String body, int status, String field)
      throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());

    mvc.perform(
            patch("/api/accounts/{id}", acme.id())
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().is(status))
        .andExpect(jsonPath("$.errors[0].field").value(field));

    assertUnchanged(acme);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"{\"allocationOverride\":1e30}", "{\"allocationOverride\":99999999999999999999}"})
  void restOverrideBeyondAnyWholeNumberIsABadRequestAndStoresNothing(String body) throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(
            patch("/api/accounts/{id}", acme.id())
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(fixtures.operator())))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertUnchanged(acme);
  }

  @Test
  void restChangeByAMemberOrAnotherCompanysAdminIsNotFoundAndStoresNothing() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    for (User attacker : new User[] {acme.admin(), member, globex.admin()}) {
      mvc.perform(
              patch("/api/accounts/{id}", acme.id())
                  .header("Authorization", TestApiKeys.basic(apiKeys.issue(attacker)))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"allocationOverride\":99999999}"))
          .andExpect(status().isNotFound());
    }
    mvc.perform(
            get("/api/accounts/{id}", UUID.randomUUID())
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(fixtures.operator()))))
        .andExpect(status().isNotFound());
    assertUnchanged(acme);
  }

  void assertUnchanged(Company company) {
    Account kept = accounts.account(company.id()).orElseThrow();
    assertThat(kept.plan()).isEqualTo(Plan.PROFESSIONAL);
    assertThat(kept.allocationOverride()).isNull();
    assertThat(kept.allocationStart()).isEqualTo(company.account().allocationStart());
  }

  static String formatted(long calls) {
    return String.format(Locale.ROOT, "%,d", calls);
  }
}
