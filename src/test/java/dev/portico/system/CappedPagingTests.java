package dev.portico.system;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.User;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The probe of issue 6: {@code ?page=10737419&size=200} made {@code page * size} wrap around to a
 * negative offset, and every list answered 500. Each list, console and REST, now answers an empty
 * page beyond the end.
 */
@PorticoTest
class CappedPagingTests {

  private static final String PROBE = "?page=10737419&size=200";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;

  @Test
  void pageRequestFarBeyondTheEndHasAnOffsetThatDoesNotWrapAround() {
    ResultPage.Request request = new ResultPage.Request(10_737_419, 200);

    assertThat(request.offset()).isPositive();
    assertThat(new ResultPage.Request(Integer.MAX_VALUE, 200).offset()).isPositive();
    assertThat(new ResultPage<>(List.of(), Integer.MAX_VALUE, 25, 3).hasNext()).isFalse();
  }

  @Test
  void consoleListsAnswerAnEmptyPageBeyondTheEnd() throws Exception {
    Company acme = fixtures.company("Acme");
    User individual = fixtures.individual();
    User operator = fixtures.operator();
    String company = "/accounts/" + acme.id();

    for (String list :
        List.of(
            "/users" + PROBE,
            "/users" + PROBE + "&sort=email&dir=desc",
            "/teams" + PROBE,
            "/aliases" + PROBE,
            "/developer/api-keys" + PROBE,
            "/developer/api-keys" + PROBE + "&sort=user&dir=asc",
            "/audit" + PROBE)) {
      mvc.perform(get(company + list).with(as(acme.admin()))).andExpect(status().isOk());
    }
    mvc.perform(get("/my/developer/api-keys" + PROBE).with(as(individual)))
        .andExpect(status().isOk());
    mvc.perform(get("/operator/accounts" + PROBE).with(as(operator))).andExpect(status().isOk());
    mvc.perform(get("/operator/audit" + PROBE).with(as(operator))).andExpect(status().isOk());
  }

  @Test
  void restListsAnswerAnEmptyPageBeyondTheEnd() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    IssuedApiKey operator = apiKeys.issue(fixtures.operator());

    for (String list :
        List.of(
            "/api/accounts/" + acme.id() + "/users",
            "/api/accounts/" + acme.id() + "/teams",
            "/api/accounts/" + acme.id() + "/aliases",
            "/api/accounts/" + acme.id() + "/invitations",
            "/api/developer/accounts/" + acme.id() + "/api-keys")) {
      mvc.perform(get(list + PROBE).header("Authorization", TestApiKeys.basic(admin)))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.items").isEmpty())
          .andExpect(jsonPath("$.total").isNumber());
    }
    mvc.perform(get("/api/accounts" + PROBE).header("Authorization", TestApiKeys.basic(operator)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isEmpty());
  }
}
