package dev.portico.notifications;

import static dev.portico.notifications.Emails.eventually;
import static dev.portico.notifications.Emails.outboxRowsTo;
import static dev.portico.notifications.Emails.publishCommitted;
import static dev.portico.notifications.Emails.threshold;
import static dev.portico.notifications.TestSmtp.messagesTo;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * NOT-1 "retried with backoff while the SMTP server is down, never lost, never sent twice": emails
 * written while the server refuses connections stay pending with their tries and last error
 * (visible on Operator → Outbox), and once it is back each is delivered exactly once.
 */
@SmtpPorticoTest
class SmtpOutageTests {

  @Autowired TestAccounts accounts;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @AfterEach
  void smtpIsUpAgain() {
    TestSmtp.start();
  }

  @Test
  void emailsWrittenWhileSmtpIsDownAreAllDeliveredOnceItIsBackAndNoneTwice() throws Exception {
    Company acme = accounts.company("Acme");
    User secondAdmin = accounts.member(acme, Role.ADMIN, License.FULL);
    List<User> admins = List.of(acme.admin(), secondAdmin);
    TestSmtp.stop();

    publishCommitted(tx, events, threshold(acme.id(), acme.account().name(), 25));
    publishCommitted(tx, events, threshold(acme.id(), acme.account().name(), 50));

    eventually()
        .until(() -> failedTriesOfAtLeast(2, acme.admin()) && failedTriesOfAtLeast(2, secondAdmin));
    for (User admin : admins) {
      assertThat(outboxRowsTo(jdbc, admin.email(), "PENDING")).isEqualTo(2);
      assertThat(outboxRowsTo(jdbc, admin.email(), "SENT")).isZero();
    }
    String outbox =
        mvc.perform(get("/operator/outbox").with(as(accounts.operator())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(outbox)
        .contains(acme.admin().email())
        .contains("PENDING")
        .contains("Connection refused");

    TestSmtp.start();

    eventually()
        .until(() -> admins.stream().allMatch(a -> outboxRowsTo(jdbc, a.email(), "SENT") == 2));
    for (User admin : admins) {
      assertThat(messagesTo(admin.email())).hasSize(2);
      assertThat(messagesTo(admin.email()).stream().map(Emails::subject).distinct().toList())
          .hasSize(2);
    }
  }

  private boolean failedTriesOfAtLeast(int tries, User recipient) {
    return jdbc.sql(
                """
                select count(*) from not_email where recipient = :r and state = 'PENDING'
                  and attempts >= :tries and last_error is not null
                """)
            .param("r", recipient.email())
            .param("tries", tries)
            .query(Long.class)
            .single()
        == 2;
  }
}
