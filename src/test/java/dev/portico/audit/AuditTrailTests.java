package dev.portico.audit;

import static dev.portico.audit.TestAuditEvents.changed;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import dev.portico.system.ResultPage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the audit trail records (AUD-1), and how it is read back. */
@PorticoTest
class AuditTrailTests {

  private static final ResultPage.Request FIRST_PAGE =
      new ResultPage.Request(0, AuditTrail.PAGE_SIZE);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestAuditEvents events;
  @Autowired AuditTrail trail;
  @Autowired JdbcClient jdbc;

  @Test
  void consoleChangeWhenCommittedThenEntryRecordsActorAccountTargetActionSourceIpAndDiff()
      throws Exception {
    Company acme = fixtures.company("Acme");
    String email = "new-" + acme.tag() + "@acme.test";
    Instant before = Instant.now();

    mvc.perform(
            post("/accounts/{id}/users/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .with(from("203.0.113.7"))
                .param("email", email)
                .param("name", "New Person")
                .param("role", "MEMBER")
                .param("license", "LIGHT"))
        .andExpect(status().is3xxRedirection());

    List<AuditEntry> entries =
        trail.forAccount(acme.id(), new AuditFilter("user.added", email), FIRST_PAGE).items();
    assertThat(entries).hasSize(1);
    AuditEntry entry = entries.get(0);
    assertThat(entry.actor())
        .isEqualTo(new Actor(acme.admin().id(), acme.admin().email(), false, "203.0.113.7"));
    assertThat(entry.accountId()).isEqualTo(acme.id());
    assertThat(entry.action()).isEqualTo("user.added");
    assertThat(entry.target()).isEqualTo("user " + email);
    assertThat(entry.diff()).isEqualTo(Map.of("license", "LIGHT", "role", "MEMBER"));
    assertThat(entry.occurredAt()).isBetween(before.minusSeconds(1), Instant.now());
  }

  @Test
  void changeWhenValidationFailsThenNothingIsRecorded() throws Exception {
    Company acme = fixtures.company("Acme");
    long recorded = countOf(acme.id());

    mvc.perform(
            post("/accounts/{id}/users/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("email", "refused-" + acme.tag() + "@acme.test")
                .param("name", "<b>Refused</b>")
                .param("role", "MEMBER")
                .param("license", "FULL"))
        .andExpect(status().isOk());

    assertThat(countOf(acme.id())).isEqualTo(recorded);
    assertThat(trail.forAccount(acme.id(), new AuditFilter(null, "refused-"), FIRST_PAGE).total())
        .isZero();
  }

  @Test
  void eventWhenItsTransactionRollsBackThenNothingIsRecorded() {
    UUID account = UUID.randomUUID();

    events.rollBack(changed(account, "app.created", "application Rolled Back"));
    assertThat(countOf(account)).isZero();

    events.commit(changed(account, "app.created", "application Committed"));
    assertThat(trail.forAccount(account, AuditFilter.NONE, FIRST_PAGE).items())
        .extracting(AuditEntry::target)
        .containsExactly("application Committed");
  }

  @Test
  void passwordChangeWhenRecordedThenDiffHoldsNoPasswordValue() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    String newPassword = "brand-new-passphrase-" + acme.tag();

    mvc.perform(
            post("/my/profile/password")
                .with(as(bob))
                .with(csrf())
                .param("currentPassword", TestAccounts.PASSWORD)
                .param("newPassword", newPassword))
        .andExpect(status().is3xxRedirection());

    List<AuditEntry> entries =
        trail
            .forAccount(acme.id(), new AuditFilter("user.updated", bob.email()), FIRST_PAGE)
            .items();
    assertThat(entries)
        .singleElement()
        .satisfies(e -> assertThat(e.diff()).containsOnlyKeys("password"));
    assertThat(storedRowsOf(acme.id()))
        .isNotEmpty()
        .noneMatch(row -> row.contains(newPassword) || row.contains(TestAccounts.PASSWORD));
  }

  @Test
  void eventWhoseDiffCarriesASecretWhenRecordedThenStoredRowHoldsNoSecret() {
    UUID account = UUID.randomUUID();
    String secret = "live-" + UUID.randomUUID();

    events.commit(
        changed(account, "app.secret.regenerated", "application Acme PLM")
            .withDiff(Map.of("clientSecret", secret, "name", "Acme PLM")));

    assertThat(storedRowsOf(account)).singleElement().asString().doesNotContain(secret);
    assertThat(trail.forAccount(account, AuditFilter.NONE, FIRST_PAGE).items().get(0).diff())
        .containsEntry("clientSecret", "(redacted)")
        .containsEntry("name", "Acme PLM");
  }

  @Test
  void trailWhenLongerThanAPageThenFiftyAPageNewestFirst() {
    UUID account = UUID.randomUUID();
    IntStream.range(0, 55)
        .forEach(i -> events.commit(changed(account, "key.created", "api key " + i)));

    ResultPage<AuditEntry> first = trail.forAccount(account, AuditFilter.NONE, FIRST_PAGE);
    ResultPage<AuditEntry> second =
        trail.forAccount(account, AuditFilter.NONE, new ResultPage.Request(1, 50));

    assertThat(first.total()).isEqualTo(55);
    assertThat(first.items())
        .hasSize(50)
        .first()
        .extracting(AuditEntry::target)
        .isEqualTo("api key 54");
    assertThat(second.items())
        .extracting(AuditEntry::target)
        .containsExactly("api key 4", "api key 3", "api key 2", "api key 1", "api key 0");
  }

  @Test
  void filterMatchesActionPrefixAndActorOrTargetTextOnly() {
    UUID account = UUID.randomUUID();
    Actor bob = new Actor(UUID.randomUUID(), "Bob@Acme.test", false, "198.51.100.1");
    events.commit(
        changed(account, "app.created", "application Acme PLM").by(bob),
        changed(account, "app.deleted", "application Old Viewer"),
        changed(account, "key.created", "api key PLM sync").by(bob),
        changed(account, "apps_x.created", "application Lookalike"));

    assertThat(targets(account, new AuditFilter("app.", null)))
        .containsExactlyInAnyOrder("application Acme PLM", "application Old Viewer");
    assertThat(targets(account, new AuditFilter(null, "bob@acme")))
        .containsExactlyInAnyOrder("application Acme PLM", "api key PLM sync");
    assertThat(targets(account, new AuditFilter("KEY.", "plm")))
        .containsExactly("api key PLM sync");
    assertThat(targets(account, new AuditFilter("app_", null))).isEmpty();
    assertThat(targets(account, new AuditFilter(null, "%"))).isEmpty();
  }

  @Test
  void accountTrailHoldsOnlyThatAccountsEntriesAndAllHoldsEveryAccounts() {
    UUID acme = UUID.randomUUID();
    UUID globex = UUID.randomUUID();
    String tag = UUID.randomUUID().toString();
    events.commit(
        changed(acme, "app.created", "application A " + tag),
        changed(globex, "app.created", "application G " + tag),
        changed(null, "platform.changed", "platform " + tag));

    assertThat(targets(acme, AuditFilter.NONE)).containsExactly("application A " + tag);
    assertThat(trail.all(new AuditFilter(null, tag), FIRST_PAGE).items())
        .extracting(AuditEntry::target)
        .containsExactlyInAnyOrder(
            "application A " + tag, "application G " + tag, "platform " + tag);
  }

  private List<String> targets(UUID account, AuditFilter filter) {
    return trail.forAccount(account, filter, FIRST_PAGE).items().stream()
        .map(AuditEntry::target)
        .toList();
  }

  private long countOf(UUID account) {
    return jdbc.sql("select count(*) from aud_entry where account_id = :account")
        .param("account", account)
        .query(Long.class)
        .single();
  }

  /** The stored rows as text, read past the module's own mapping. */
  private List<String> storedRowsOf(UUID account) {
    return jdbc.sql(
            "select actor_email || '|' || action || '|' || target || '|' || diff from aud_entry"
                + " where account_id = :account")
        .param("account", account)
        .query(String.class)
        .list();
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }
}
