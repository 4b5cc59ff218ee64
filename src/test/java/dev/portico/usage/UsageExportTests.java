package dev.portico.usage;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.Scope;
import dev.portico.apikeys.ApiKeyManagement;
import dev.portico.apikeys.NewApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.system.Actor;
import dev.portico.usage.UsageScenario.Seeded;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The usage page's CSV export (USE-6): a download, one row per day or value, no formulas. */
@PorticoTest
class UsageExportTests {

  @Autowired MockMvc mvc;
  @Autowired UsageScenario scenario;
  @Autowired TestUsage usage;
  @Autowired ApiKeyManagement keys;

  @Test
  void callsPerDayDownloadAsAnAttachmentWithEveryDayOfTheRange() throws Exception {
    Seeded s = scenario.seed("Csv days");
    String from = s.period().start().toString();
    String to = s.period().start().plusDays(2).toString();

    MvcResult result =
        mvc.perform(
                get(base(s) + "/export?by=day&from=" + from + "&to=" + to)
                    .with(as(s.company().admin())))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        "attachment; filename=\"api-usage-"
                            + s.id()
                            + "-"
                            + from
                            + "-to-"
                            + to
                            + "-by-day.csv\""))
            .andReturn();

    assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\"date\",\"calls\"\r\n\""
                + from
                + "\",\"100\"\r\n\""
                + s.period().start().plusDays(1)
                + "\",\"40\"\r\n\""
                + to
                + "\",\"0\"\r\n");
  }

  @Test
  void aKeyNamedLikeAFormulaIsExportedAsTextNeverAsAFormula() throws Exception {
    Seeded s = scenario.seed("Csv formula");
    var evil =
        keys.create(
            Actor.SYSTEM,
            s.id(),
            new NewApiKey(
                "=HYPERLINK(\"http://evil.example\")", s.bob().id(), Set.of(Scope.OAuth2Read)),
            new dev.portico.accounts.Stack(null, "localhost"));
    usage.count(s.id(), usage.today(), TestUsage.NONE, evil.key().id(), s.bob().id(), "proxy", 1);

    String csv =
        mvc.perform(get(base(s) + "/export?by=apiKey").with(as(s.company().admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(csv)
        .startsWith("\"apiKey\",\"name\",\"detail\",\"calls\"\r\n")
        .contains(
            "\""
                + s.key().key().id()
                + "\",\"test key\",\""
                + s.key().key().accessKey()
                + "\",\"105\"\r\n")
        .contains(
            "\"" + s.deletedKey() + "\",\"" + s.deletedKey() + "\",\"deleted API key\",\"10\"")
        .contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"")
        .doesNotContain(",\"=HYPERLINK");
  }

  @Test
  void badExportParametersAnswer400NamingTheFields() throws Exception {
    Seeded s = scenario.seed("Csv bad");

    String body =
        mvc.perform(get(base(s) + "/export?by=galaxy&from=yesterday").with(as(s.company().admin())))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(body)
        .contains("from: must be a date such as 2026-01-31")
        .contains("by: must be one of: day, application, apiKey, user, endpoint")
        .doesNotContain("galaxy")
        .doesNotContain("yesterday");
  }

  private static String base(Seeded s) {
    return "/accounts/" + s.id() + "/developer/api-usage";
  }
}
