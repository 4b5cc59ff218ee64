package dev.portico.notifications;

import static dev.portico.notifications.Emails.eventually;
import static dev.portico.notifications.Emails.outboxRowsTo;
import static dev.portico.notifications.Emails.publishCommitted;
import static dev.portico.notifications.Emails.threshold;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * NOT-2 on the embedded default without SMTP (the shared test context has no {@code
 * spring.mail.host}): emails are held in the outbox and shown on Operator → Outbox to the operator
 * only, each notification is in its recipient's console with the bell's count and "mark read", and
 * every value is escaped on those pages.
 */
@PorticoTest
class HeldOutboxConsoleTests {

  static final String HOSTILE = "<script>alert('x')</script> Corp";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Test
  void withoutSmtpEmailsAreHeldAndTheOperatorSeesThemEscaped() throws Exception {
    Company acme = accounts.company("Acme");
    User operator = accounts.operator();

    publishCommitted(tx, events, threshold(acme.id(), HOSTILE, 75));

    eventually().until(() -> outboxRowsTo(jdbc, acme.admin().email(), "HELD") == 1);
    String list = page("/operator/outbox", operator);
    assertThat(list).contains(acme.admin().email()).contains("HELD").contains("spring.mail.host");
    assertThat(list).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
    String detail = page("/operator/outbox/" + emailIdTo(acme.admin()), operator);
    assertThat(detail)
        .doesNotContain("<script>alert")
        .contains("&amp;lt;script&amp;gt;alert") // the HTML part's own escaping, shown as text
        .contains("&lt;script&gt;alert"); // the plain text part
  }

  @Test
  void outboxIsRefusedToAdminsAndMembersAndAForgedIdIsNotFound() throws Exception {
    Company acme = accounts.company("Acme");
    User member = accounts.member(acme, Role.MEMBER, License.FULL);
    publishCommitted(tx, events, threshold(acme.id(), acme.account().name(), 25));
    eventually().until(() -> outboxRowsTo(jdbc, acme.admin().email()) == 1);
    String emailPage = "/operator/outbox/" + emailIdTo(acme.admin());

    // the console chain refuses /operator/** to non-operators, like Operator → Accounts and Audit
    for (User outsider : new User[] {acme.admin(), member}) {
      mvc.perform(get("/operator/outbox").with(as(outsider))).andExpect(status().isForbidden());
      mvc.perform(get(emailPage).with(as(outsider))).andExpect(status().isForbidden());
    }
    mvc.perform(get("/operator/outbox/" + UUID.randomUUID()).with(as(accounts.operator())))
        .andExpect(status().isNotFound());
  }

  @Test
  void theBellCountsUnreadNotificationsAndMarkReadClearsThem() throws Exception {
    Company acme = accounts.company("Acme");
    User member = accounts.member(acme, Role.MEMBER, License.FULL);
    publishCommitted(tx, events, threshold(acme.id(), HOSTILE, 25));
    publishCommitted(tx, events, threshold(acme.id(), HOSTILE, 50));
    eventually().until(() -> notificationsOf(acme.admin()) == 2);

    assertThat(page("/my/profile", acme.admin()))
        .contains("aria-label=\"Notifications, 2 unread\"");
    String mine = page("/my/notifications", acme.admin());
    assertThat(mine).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
    assertThat(page("/my/profile", member)).contains("aria-label=\"Notifications\"");
    assertThat(page("/my/notifications", member)).contains("Nothing yet");

    UUID first = notificationIdOf(acme.admin());
    mvc.perform(post("/my/notifications/{id}/read", first).with(as(member)).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/my/notifications/{id}/read", first).with(as(acme.admin())).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(page("/my/profile", acme.admin()))
        .contains("aria-label=\"Notifications, 1 unread\"");

    mvc.perform(post("/my/notifications/read").with(as(acme.admin())).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(page("/my/profile", acme.admin())).contains("aria-label=\"Notifications\"");
    assertThat(notificationsOf(member)).isZero();
  }

  @Test
  void markReadOfAnUnknownNotificationIsNotFound() throws Exception {
    User solo = accounts.individual();
    mvc.perform(post("/my/notifications/{id}/read", UUID.randomUUID()).with(as(solo)).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/my/notifications/not-a-uuid/read").with(as(solo)).with(csrf()))
        .andExpect(status().is4xxClientError());
  }

  private String page(String path, User user) throws Exception {
    return mvc.perform(get(path).with(as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private UUID emailIdTo(User recipient) {
    return jdbc.sql("select id from not_email where recipient = :r")
        .param("r", recipient.email())
        .query(UUID.class)
        .list()
        .get(0);
  }

  private long notificationsOf(User user) {
    return jdbc.sql("select count(*) from not_notification where user_id = :u")
        .param("u", user.id())
        .query(Long.class)
        .single();
  }

  private UUID notificationIdOf(User user) {
    return jdbc.sql("select id from not_notification where user_id = :u order by created_at")
        .param("u", user.id())
        .query(UUID.class)
        .list()
        .get(0);
  }
}
