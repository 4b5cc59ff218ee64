package dev.portico.system;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * §14: every console form, sent hostile values in every field — over-long, control characters, HTML
 * and script, bidirectional overrides, broken surrogates, wrong enum and id values — answers
 * without a 5xx, never echoes markup unescaped, and stores nothing unescaped.
 */
@PorticoTest
// a context (and so a database) of its own: the scan below must see only what this sweep stored
@TestPropertySource(properties = "portico.test.database=bad-input-sweep")
class BadInputSweepTests {

  static final String SCRIPT = "<script>alert('xss')</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";

  static final List<String> HOSTILE =
      List.of(
          "x".repeat(100_000),
          "a\u0000b",
          "bell\u0007\r\nnewline",
          SCRIPT,
          IMG,
          "\u202Eevil\u202C",
          "\uD800broken",
          "javascript:alert(1)",
          "' OR 1=1 --",
          "%00%3Cscript%3E",
          "   ",
          "");

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void consoleFormsWhenSentHostileValuesThenNo5xxNoEchoAndNothingStoredUnescaped()
      throws Exception {
    Company acme = accounts.company("Sweep");
    User operator = accounts.operator();
    String base = "/accounts/" + acme.id();
    List<Form> forms =
        List.of(
            new Form(
                acme.admin(),
                base + "/users/new",
                Map.of(
                    "email",
                    "ok@sweep.test",
                    "name",
                    "Okay",
                    "role",
                    "MEMBER",
                    "license",
                    "FULL",
                    "password",
                    "")),
            new Form(
                acme.admin(),
                base + "/teams/new",
                Map.of("name", "Okay team", "memberIds", acme.admin().id().toString())),
            new Form(
                acme.admin(),
                base + "/aliases/new",
                Map.of("name", "okay-alias", "memberIds", acme.admin().id().toString())),
            new Form(
                acme.admin(),
                base + "/developer/api-keys/new",
                Map.of(
                    "name",
                    "Okay key",
                    "userId",
                    acme.admin().id().toString(),
                    "scopes",
                    "OAuth2Read")),
            new Form(
                acme.admin(),
                "/my/developer/api-keys/new",
                Map.of("name", "Okay key", "scopes", "OAuth2Read")),
            new Form(acme.admin(), "/my/profile", Map.of("name", "Okay Name")),
            new Form(
                acme.admin(),
                "/my/profile/password",
                Map.of(
                    "currentPassword", TestAccounts.PASSWORD, "newPassword", "a-new-password-1")),
            new Form(
                acme.admin(),
                base + "/users/" + acme.admin().id(),
                Map.of("role", "ADMIN", "license", "FULL")),
            new Form(
                operator,
                "/operator/accounts/new",
                Map.of(
                    "type",
                    "COMPANY",
                    "name",
                    "Okay Co",
                    "plan",
                    "PROFESSIONAL",
                    "domain",
                    "",
                    "allocationOverride",
                    "",
                    "adminEmail",
                    "boss@okay.test",
                    "adminName",
                    "Boss",
                    "adminPassword",
                    "")),
            new Form(
                operator,
                "/operator/accounts/" + acme.id(),
                Map.of(
                    "plan",
                    "PROFESSIONAL",
                    "allocationOverride",
                    "",
                    "allocationStart",
                    "2026-01-01")));
    List<String> failures = new ArrayList<>();
    for (Form form : forms) {
      for (String field : form.fields().keySet()) {
        for (String hostile : HOSTILE) {
          Map<String, String> values = new LinkedHashMap<>(form.fields());
          values.put(field, hostile);
          check(failures, form.user(), form.url(), values, field);
        }
        for (String wrongKind :
            List.of("SUPERADMIN", "not-a-uuid", "-1", "9".repeat(40), "2026-13-45")) {
          Map<String, String> values = new LinkedHashMap<>(form.fields());
          values.put(field, wrongKind);
          check(failures, form.user(), form.url(), values, field);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertNothingStoredUnescaped();
  }

  @Test
  void consoleQueriesAndPathsWhenHostileThenNo5xx() throws Exception {
    Company acme = accounts.company("Sweep");
    String base = "/accounts/" + acme.id();
    List<String> urls =
        List.of(
            base + "/users?q=" + "%3Cscript%3E" + "&sort=name;drop&dir=sideways&page=-5",
            base + "/users?page=abc",
            base + "/users?q=" + "x".repeat(5000),
            base + "/teams/not-a-uuid",
            "/accounts/not-a-uuid/users",
            "/accounts/" + acme.id() + "/users/%00",
            base + "/audit?action=%3Cscript%3E&q=%27%20OR%201%3D1&page=999999999",
            base + "/developer/api-keys?sort=%3Cx%3E&page=-1",
            "/operator/accounts?type=NOPE&q=%3Cscript%3E");
    for (String url : urls) {
      MockHttpServletResponse response =
          mvc.perform(get(url).with(as(acme.admin()))).andReturn().getResponse();
      assertThat(response.getStatus()).as(url).isLessThan(500);
      assertThat(response.getContentAsString()).as(url).doesNotContain("<script>");
    }
  }

  private void check(
      List<String> failures, User user, String url, Map<String, String> values, String field)
      throws Exception {
    MockHttpServletRequestBuilder request = post(url).with(as(user)).with(csrf());
    values.forEach(request::param);
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String body = response.getContentAsString();
    String shown =
        values.get(field).length() > 40
            ? values.get(field).substring(0, 40) + "…"
            : values.get(field);
    if (response.getStatus() >= 500) {
      failures.add(url + " " + field + "=" + shown + " → " + response.getStatus());
    }
    if (body.contains(SCRIPT) || body.contains("<img src=x")) {
      failures.add(url + " " + field + "=" + shown + " → echoed unescaped");
    }
  }

  private void assertNothingStoredUnescaped() {
    Map<String, List<String>> textColumns =
        Map.of(
            "acc_account", List.of("name", "domain"),
            "acc_user", List.of("email", "name"),
            "acc_team", List.of("name"),
            "acc_alias", List.of("name"),
            "key_api_key", List.of("name"),
            "aud_entry", List.of("target", "diff"));
    textColumns.forEach(
        (table, columns) -> {
          for (String column : columns) {
            List<String> values =
                jdbc.sql(
                        "select " + column + " from " + table + " where " + column + " is not null")
                    .query(String.class)
                    .list();
            for (String value : values) {
              assertThat(value)
                  .as(table + "." + column)
                  .doesNotContain("<", ">", "\u0000", "\u0007", "\u202E");
              assertThat(value.length())
                  .as(table + "." + column)
                  .isLessThanOrEqualTo(table.equals("aud_entry") ? 20_000 : 254);
            }
          }
        });
  }

  record Form(User user, String url, Map<String, String> fields) {}
}
