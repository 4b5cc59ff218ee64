package dev.portico.applications;

import static dev.portico.applications.RestApplications.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The primary format is unique across the platform (APP-2) also when two accounts register it at
 * the same moment: one wins with 201, the other gets the field error on {@code primaryFormat}
 * (422), never a 500 — whether the loser is stopped by the check or by the database's unique key.
 */
@PorticoTest
class PrimaryFormatRaceTests {

  private static final int ROUNDS = 4;

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;

  @Test
  void concurrentRegistrationsOfOneFormatEndWithOneWinnerAndOneFieldError() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    String acmeKey = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String globexKey = TestApiKeys.basic(apiKeys.issue(globex.admin()));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String format = "com.example.race" + UUID.randomUUID().toString().replace("-", "");
        CyclicBarrier start = new CyclicBarrier(2);
        Future<MockHttpServletResponse> a =
            pool.submit(() -> register(start, acmeKey, acme.id(), format));
        Future<MockHttpServletResponse> b =
            pool.submit(() -> register(start, globexKey, globex.id(), format));
        List<MockHttpServletResponse> answers =
            new ArrayList<>(List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)));
        answers.sort(Comparator.comparingInt(MockHttpServletResponse::getStatus));

        assertThat(answers)
            .extracting(MockHttpServletResponse::getStatus)
            .as("round %d", round)
            .containsExactly(201, 422);
        String loser = answers.get(1).getContentAsString();
        assertThat(JsonPath.<List<String>>read(loser, "$.errors[*].field"))
            .containsExactly("primaryFormat");
        assertThat(JsonPath.<String>read(loser, "$.errors[0].message"))
            .contains("already registered");
        assertThat(loser).doesNotContain("clientSecret");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private MockHttpServletResponse register(
      CyclicBarrier start, String auth, UUID accountId, String format) throws Exception {
    start.await(10, TimeUnit.SECONDS);
    return mvc.perform(
            post("/api/developer/accounts/{id}/applications", accountId)
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("Racer", format)))
        .andReturn()
        .getResponse();
  }
}
