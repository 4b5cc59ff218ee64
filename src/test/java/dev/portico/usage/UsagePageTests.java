package dev.portico.usage;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.usage.UsageScenario.Seeded;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Company settings → Developer → API usage and My account → API usage (USE-6) in the console: used
 * / allocation / percent with the thresholds, the chart with its table, the breakdown tabs, and who
 * may not see them.
 */
@PorticoTest
class UsagePageTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired UsageScenario scenario;
  @Autowired TestUsage usage;

  @Test
  void adminSeesUsedOfTheAllocationWithTheThresholdsMarkedInWordsNotColourOnly() throws Exception {
    Seeded s = scenario.seed("Acme");

    String page = page(base(s), s.company().admin());

    assertThat(page)
        .contains("<strong>155</strong>")
        .contains("of <span>200</span> calls used")
        .contains("77.5 %")
        .contains("✓ 75 %")
        .containsPattern("(?s)<li class=\"reached\">.*?25 %.*?reached — the admins were notified")
        .containsPattern("(?s)<li class=\"open\">.*?100 %.*?not reached");
  }

  @Test
  void chartIsServerRenderedSvgWithATitlePerDayAxisLabelsAndATableFallback() throws Exception {
    Seeded s = scenario.seed("Chart");
    int days =
        (int) java.time.temporal.ChronoUnit.DAYS.between(s.period().start(), s.period().end());

    String page = page(base(s), s.company().admin());

    assertThat(page).contains("<svg viewBox=\"0 0 800 230\"").contains("role=\"img\"");
    assertThat(count(page, "<g class=\"day\">")).isEqualTo(days);
    assertThat(page)
        .contains("<desc id=\"chart-desc\">Calls per day from ")
        .contains(": 155 calls in all; the busiest day was ")
        .containsPattern("<title>\\w{3} \\d{1,2} \\w{3} \\d{4}: 100 calls</title>")
        .containsPattern("<title>\\w{3} \\d{1,2} \\w{3} \\d{4}: 0 calls</title>")
        .contains("<summary>Calls per day as a table</summary>")
        .contains("<text x=\"50\"");
    assertThat(count(page, "<td class=\"num\">")).isGreaterThanOrEqualTo(days);
  }

  @Test
  void breakdownNamesTheAccountsKeysAndAppsAndShowsADeletedKeyById() throws Exception {
    Seeded s = scenario.seed("Names");

    String byKey = page(base(s) + "?by=apiKey", s.company().admin());
    String byApp = page(base(s) + "?by=application", s.company().admin());
    String byUser = page(base(s) + "?by=user", s.company().admin());

    assertThat(byKey)
        .contains(s.key().key().accessKey())
        .contains(s.deletedKey().toString())
        .contains("deleted API key")
        .containsPattern(
            "aria-current=\"page\"[^>]*data-by=\"apiKey\"|data-by=\"apiKey\"[^>]*aria-current=\"page\"");
    assertThat(byApp).contains(s.app().application().name());
    assertThat(byUser).contains(s.bob().name()).contains(s.bob().email());
  }

  @Test
  void aUserOfAnotherAccountIsShownByIdWithoutTheirNameOrEmail() throws Exception {
    Seeded s = scenario.seed("Outsider");
    User stranger = fixtures.company("Elsewhere").admin();
    usage.count(
        s.id(),
        usage.today(),
        s.app().application().id(),
        TestUsage.NONE,
        stranger.id(),
        "platform",
        2);

    String byUser = page(base(s) + "?by=user", s.company().admin());

    assertThat(byUser)
        .contains(stranger.id().toString())
        .contains("no longer in this account, or a user of another account")
        .doesNotContain(stranger.email())
        .contains(s.bob().email());
  }

  @Test
  void breakdownTabIsAnHtmxFragmentAndAWholePageWithoutIt() throws Exception {
    Seeded s = scenario.seed("Tabs");

    String fragment =
        mvc.perform(
                get(base(s))
                    .param("by", "endpoint")
                    .header("HX-Request", "true")
                    .with(as(s.company().admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(fragment)
        .startsWith("<div id=\"usage-breakdown\"")
        .contains("developer")
        .contains("proxy")
        .doesNotContain("<html");
    assertThat(page(base(s) + "?by=endpoint", s.company().admin()))
        .contains("<html")
        .contains("proxy");
  }

  @Test
  void aCustomRangeKeepsItsDatesInTheTabLinksAndNarrowsTheBreakdown() throws Exception {
    Seeded s = scenario.seed("Custom");
    String from = s.period().start().plusDays(1).toString();
    String to = s.period().start().plusDays(10).toString();

    String page = page(base(s) + "?by=apiKey&from=" + from + "&to=" + to, s.company().admin());

    assertThat(page)
        .contains("?by=user&amp;from=" + from + "&amp;to=" + to)
        .contains(s.deletedKey().toString())
        .doesNotContain(s.key().key().accessKey())
        .contains("value=\"" + from + "\"");
  }

  @Test
  void badRangeAnswers400WithTheErrorNextToTheFieldAndTheInputKept() throws Exception {
    Seeded s = scenario.seed("Bad range");
    String outside = s.period().end().plusDays(3).toString();

    String page =
        mvc.perform(
                get(base(s))
                    .param("from", "31/01/2026")
                    .param("to", outside)
                    .param("by", "galaxy")
                    .param("page", "x")
                    .with(as(s.company().admin())))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page)
        .contains("id=\"from-error\">must be a date such as 2026-01-31")
        .contains("id=\"to-error\">must lie in the current period")
        .contains("Breakdown: must be one of: application, apiKey, user, endpoint")
        .contains("value=\"31/01/2026\"")
        .contains("value=\"" + outside + "\"")
        .contains("<svg viewBox=\"0 0 800 230\"");
  }

  @Test
  void anAccountWithoutCallsShowsAnEmptyStateThatSaysWhatCounts() throws Exception {
    Company quiet = fixtures.company("Quiet");

    String page = page("/accounts/" + quiet.id() + "/developer/api-usage", quiet.admin());

    assertThat(page)
        .contains("No counted API calls in this period yet.")
        .contains("href=\"/accounts/" + quiet.id() + "/developer/api-keys\"")
        .doesNotContain("<svg viewBox=\"0 0 800 230\"");
  }

  @Test
  void individualSeesTheirPersonalAccountsUsageUnderMyAccount() throws Exception {
    User dave = fixtures.individual();
    usage.allocate(dave.personalAccountId(), 3, 2500);
    usage.count(
        dave.personalAccountId(),
        usage.today(),
        TestUsage.NONE,
        UUID.randomUUID(),
        dave.id(),
        "platform",
        7);

    String page = page("/my/developer/api-usage", dave);

    assertThat(page)
        .contains("My account")
        .contains("<strong>7</strong>")
        .contains("of <span>2,500</span> calls used")
        .contains("href=\"/my/developer/api-usage/export?by=day\"");
  }

  @Test
  void membersLightUsersOtherAdminsAndForgedIdsGet404() throws Exception {
    Seeded s = scenario.seed("Guarded");
    User member = fixtures.member(s.company(), Role.MEMBER, License.FULL);
    User light = fixtures.member(s.company(), Role.MEMBER, License.LIGHT);
    User otherAdmin = fixtures.company("Globex").admin();

    for (User outsider : new User[] {member, light, otherAdmin}) {
      mvc.perform(get(base(s)).with(as(outsider))).andExpect(status().isNotFound());
      mvc.perform(get(base(s) + "/export").param("by", "apiKey").with(as(outsider)))
          .andExpect(status().isNotFound());
    }
    String forged = "/accounts/" + UUID.randomUUID() + "/developer/api-usage";
    mvc.perform(get(forged).with(as(s.company().admin()))).andExpect(status().isNotFound());
    mvc.perform(
            get("/accounts/" + s.bob().personalAccountId() + "/developer/api-usage")
                .with(as(s.bob())))
        .andExpect(status().isNotFound());
    mvc.perform(get("/my/developer/api-usage").with(as(light))).andExpect(status().isNotFound());
  }

  @Test
  void operatorOpensAnyCompanysUsage() throws Exception {
    Seeded s = scenario.seed("Operated");

    assertThat(page(base(s), fixtures.operator())).contains("<strong>155</strong>");
  }

  private static String base(Seeded s) {
    return "/accounts/" + s.id() + "/developer/api-usage";
  }

  private String page(String path, User user) throws Exception {
    return mvc.perform(get(path).with(as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
