package dev.portico.usage;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.Stack;
import dev.portico.accounts.User;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestApiKeys;
import dev.portico.usage.UsageScenario.Seeded;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code GET /api/developer/accounts/{accountId}/usage} (SPEC §13, USE-6). The keys used here
 * belong to the callers' personal accounts, so the calls these tests make are never charged to the
 * company whose counters they read.
 */
@PorticoTest
class UsageRestTests {

  private static final String USAGE = "/api/developer/accounts/{accountId}/usage";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired UsageScenario scenario;
  @Autowired TestUsage usage;

  @Test
  void adminReadsThePeriodAllocationUsedPercentThresholdsAndEveryDayOfIt() throws Exception {
    Seeded s = scenario.seed("Rest");
    int days = (int) ChronoUnit.DAYS.between(s.period().start(), s.period().end());

    usage(key(s.company().admin()), s.id().toString(), "")
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.accountId").value(s.id().toString()))
        .andExpect(jsonPath("$.period.start").value(s.period().start().toString()))
        .andExpect(jsonPath("$.period.end").value(s.period().lastDay().toString()))
        .andExpect(jsonPath("$.allocation").value(200))
        .andExpect(jsonPath("$.used").value(155))
        .andExpect(jsonPath("$.percent").value(77.5))
        .andExpect(jsonPath("$.thresholdsReached", contains(25, 50, 75)))
        .andExpect(jsonPath("$.groupBy").value("day"))
        .andExpect(jsonPath("$.series", hasSize(days)))
        .andExpect(jsonPath("$.series[0].date").value(s.period().start().toString()))
        .andExpect(jsonPath("$.series[0].calls").value(100))
        .andExpect(jsonPath("$.series[2].calls").value(0))
        .andExpect(jsonPath("$.breakdown", hasSize(days)))
        .andExpect(jsonPath("$.breakdown[1].key").value(s.period().start().plusDays(1).toString()))
        .andExpect(jsonPath("$.breakdown[1].calls").value(40));
  }

  @Test
  void groupByGivesTheBreakdownOfThatDimensionOverTheRangeMostCallsFirst() throws Exception {
    Seeded s = scenario.seed("Rest group");
    IssuedApiKey key = key(s.company().admin());
    String part =
        "&from=" + s.period().start().plusDays(1) + "&to=" + s.period().start().plusDays(10);

    usage(key, s.id().toString(), "groupBy=apiKey")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.breakdown[0].key").value(s.key().key().id().toString()))
        .andExpect(jsonPath("$.breakdown[0].calls").value(105))
        .andExpect(jsonPath("$.breakdown[1].key").value(s.deletedKey().toString()))
        .andExpect(jsonPath("$.breakdown", hasSize(2)));
    usage(key, s.id().toString(), "groupBy=user" + part)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value(s.period().start().plusDays(1).toString()))
        .andExpect(jsonPath("$.series", hasSize(10)))
        .andExpect(jsonPath("$.used").value(155))
        .andExpect(jsonPath("$.breakdown[0].key").value(s.company().admin().id().toString()))
        .andExpect(jsonPath("$.breakdown[0].calls").value(40))
        .andExpect(jsonPath("$.breakdown[1].calls").value(10));
    usage(key, s.id().toString(), "groupBy=endpoint")
        .andExpect(jsonPath("$.breakdown[*].key", contains("developer", "platform", "proxy")));
    usage(key, s.id().toString(), "groupBy=application")
        .andExpect(jsonPath("$.breakdown[*].key", contains(s.app().application().id().toString())));
  }

  @Test
  void meIsTheCallersPersonalAccount() throws Exception {
    User dave = fixtures.individual();
    usage.allocate(dave.personalAccountId(), 0, 2500);
    usage.count(
        dave.personalAccountId(),
        usage.today(),
        TestUsage.NONE,
        UUID.randomUUID(),
        dave.id(),
        "platform",
        3);

    usage(apiKeys.issue(dave, Scope.OAuth2Read), "me", "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.accountId").value(dave.personalAccountId().toString()))
        .andExpect(jsonPath("$.allocation").value(2500))
        .andExpect(jsonPath("$.used").value(Matchers.greaterThanOrEqualTo(3)));
  }

  @Test
  void badFromToAndGroupByAnswer400WithEveryFieldNamedAndNoValueEchoed() throws Exception {
    Seeded s = scenario.seed("Rest bad");
    IssuedApiKey key = key(s.company().admin());
    String outside = s.period().end().plusDays(1).toString();

    usage(key, s.id().toString(), "from=2026-02-30&to=" + outside + "&groupBy=galaxy")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/invalid-parameter"))
        .andExpect(jsonPath("$.errors[*].field", contains("from", "to", "groupBy")))
        .andExpect(jsonPath("$.errors[0].message").value("must be a date such as 2026-01-31"))
        .andExpect(
            jsonPath("$.errors[1].message", Matchers.startsWith("must lie in the current period")))
        .andExpect(content().string(not(Matchers.containsString("galaxy"))));
    String late = s.period().start().plusDays(5).toString();
    usage(key, s.id().toString(), "from=" + late + "&to=" + s.period().start())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"))
        .andExpect(jsonPath("$.errors[0].message").value("must not be before from"));
    usage(key, s.id().toString(), "from=" + "9".repeat(5000))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
  }

  @Test
  void membersLightUsersOtherAdminsAndForgedIdsGet404EvenWithBadParameters() throws Exception {
    Seeded s = scenario.seed("Rest guarded");
    User member = fixtures.member(s.company(), Role.MEMBER, License.FULL);
    User light = fixtures.member(s.company(), Role.MEMBER, License.LIGHT);
    User otherAdmin = fixtures.company("Globex").admin();

    for (User outsider : new User[] {member, light, otherAdmin}) {
      usage(key(outsider), s.id().toString(), "").andExpect(status().isNotFound());
      usage(key(outsider), s.id().toString(), "groupBy=galaxy").andExpect(status().isNotFound());
    }
    usage(key(s.company().admin()), UUID.randomUUID().toString(), "")
        .andExpect(status().isNotFound());
    usage(key(s.company().admin()), "not-an-account", "").andExpect(status().isBadRequest());
  }

  @Test
  void operatorReadsAnyAccountAndAKeyWithoutReadIsRefused() throws Exception {
    Seeded s = scenario.seed("Rest operator");

    usage(key(fixtures.operator()), s.id().toString(), "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.used").value(155));
    User admin = s.company().admin();
    IssuedApiKey writeOnly =
        apiKeys.issue(
            admin, admin.personalAccountId(), new Stack(null, "localhost"), Scope.OAuth2Write);
    usage(writeOnly, s.id().toString(), "").andExpect(status().isForbidden());
  }

  /** A key of the user's personal account: its calls are never charged to the company read. */
  private IssuedApiKey key(User user) {
    return apiKeys.issue(
        user, user.personalAccountId(), new Stack(null, "localhost"), Scope.OAuth2Read);
  }

  private ResultActions usage(IssuedApiKey key, String account, String query) throws Exception {
    return mvc.perform(
        get(USAGE.replace("{accountId}", account) + (query.isEmpty() ? "" : "?" + query))
            .header("Authorization", TestApiKeys.basic(key))
            .accept(MediaType.APPLICATION_JSON));
  }
}
