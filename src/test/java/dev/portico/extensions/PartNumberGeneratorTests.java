package dev.portico.extensions;

import static dev.portico.extensions.TestExtensionActions.noGrant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.extensions.ActionResult.Kind;
import dev.portico.extensions.TestActionServer.Seen;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PART_NUMBER_GENERATOR is POSTed the documented body and must answer {id, partNumber} (EXT-3a).
 */
@PorticoTest
class PartNumberGeneratorTests {

  static TestActionServer server;

  @Autowired TestExtensionActions services;
  @Autowired ExtensionRows rows;
  @Autowired JsonMapper json;
  @Autowired TestAccounts accounts;
  @Autowired ConsoleAppFixtures apps;

  private Company acme;
  private Application app;

  @BeforeAll
  static void start() throws Exception {
    server = new TestActionServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void setUp() {
    server.reset();
    acme = accounts.company("Acme");
    app = apps.register(acme.admin(), acme.id(), "Actions " + UUID.randomUUID());
  }

  @AfterEach
  void tearDown() throws Exception {
    services.closeAll();
  }

  @Test
  void partNumberGeneratorGetsExactlyTheDocumentedBody() throws Exception {
    server.answer(200, "application/json", "{\"id\":\"item-1\",\"partNumber\":\"PN-0001\"}");
    Extension gen = TestExtensions.partNumberGenerator(rows, app.id(), server.base() + "/answer");
    PartNumberRequest request =
        new PartNumberRequest(
            "item-1",
            "d1",
            "e1",
            "w1",
            "PARTSTUDIO",
            "p1",
            null,
            null,
            "default",
            List.of("Fastener", "Bolt"));

    ActionResult result =
        services.service(true, noGrant()).generatePartNumber(acme.admin(), gen.id(), request);

    assertThat(result.isAnswered()).isTrue();
    assertThat(result.body().path("partNumber").stringValue()).isEqualTo("PN-0001");
    Seen seen = server.seen.poll();
    assertThat(seen.method()).isEqualTo("POST");
    JsonNode body = json.readTree(seen.body());
    assertThat(body.propertyNames())
        .containsExactly(
            "id",
            "documentId",
            "elementId",
            "workspaceId",
            "elementType",
            "partId",
            "companyId",
            "partNumber",
            "configuration",
            "categories");
    assertThat(body.path("companyId").stringValue()).isEqualTo(acme.id().toString());
    assertThat(body.path("partNumber").isNull()).isTrue();
    assertThat(body.path("categories").get(1).stringValue()).isEqualTo("Bolt");
  }

  @Test
  void partNumberAnswerWithoutStringIdAndPartNumberIsRefused() {
    Extension gen = TestExtensions.partNumberGenerator(rows, app.id(), server.base() + "/answer");
    PartNumberRequest request =
        new PartNumberRequest("i", null, null, null, null, null, null, null, null, null);
    ExtensionActions service = services.service(true, noGrant());

    for (String answer :
        List.of("{\"id\":\"i\"}", "{\"id\":1,\"partNumber\":\"PN\"}", "[\"PN\"]", "\"PN\"")) {
      server.answer(200, "application/json", answer);
      assertThat(service.generatePartNumber(acme.admin(), gen.id(), request).failure().kind())
          .as(answer)
          .isEqualTo(Kind.INVALID_ANSWER);
    }
    server.answer(500, "application/json", "{\"id\":\"i\",\"partNumber\":\"PN\"}");
    assertThat(service.generatePartNumber(acme.admin(), gen.id(), request).failure().kind())
        .isEqualTo(Kind.INVALID_ANSWER);
  }
}
