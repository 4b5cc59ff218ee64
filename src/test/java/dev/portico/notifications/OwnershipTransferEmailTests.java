package dev.portico.notifications;

import static dev.portico.notifications.Emails.eventually;
import static dev.portico.notifications.Emails.openPublicationsAbout;
import static dev.portico.notifications.Emails.outboxRowsTo;
import static dev.portico.notifications.Emails.part;
import static dev.portico.notifications.Emails.subject;
import static dev.portico.notifications.TestSmtp.messagesTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationTransfers;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.applications.TransferTarget;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OWN-3 over real SMTP: a transfer to a person emails that person; one to a company emails every
 * admin of it, never its members, the old owner or another tenant; one email per transfer.
 */
@SmtpPorticoTest
class OwnershipTransferEmailTests {

  @Autowired TestAccounts accounts;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ApplicationTransfers transfers;
  @Autowired JdbcClient jdbc;

  @Test
  void theNewIndividualOwnerIsEmailed() throws Exception {
    Company acme = accounts.company("Acme");
    User bob = accounts.individual();
    Application app = apps.register(acme.admin(), acme.id(), "R&D \"Quotes\" 'PLM'");

    transfers.transfer(
        actor(acme.admin()), acme.admin(), false, app, TransferTarget.person(bob.id()));

    eventually().until(() -> messagesTo(bob.email()).size() == 1);
    MimeMessage email = messagesTo(bob.email()).get(0);
    assertThat(subject(email)).contains("R&D \"Quotes\" 'PLM'").contains("transferred");
    assertThat(part(email, "text/plain"))
        .contains(app.clientId())
        .contains(acme.admin().email())
        .contains("count toward");
    assertThat(part(email, "text/html")).contains("R&amp;D &quot;Quotes&quot;");
    eventually().until(() -> openPublicationsAbout(jdbc, app.id()) == 0);
    assertThat(outboxRowsTo(jdbc, acme.admin().email())).isZero();
  }

  @Test
  void everyAdminOfTheNewCompanyIsEmailedOnceAndNobodyElse() {
    Company acme = accounts.company("Acme");
    User secondAdmin = accounts.member(acme, Role.ADMIN, License.FULL);
    User member = accounts.member(acme, Role.MEMBER, License.FULL);
    Company globex = accounts.company("Globex");
    User owner = acme.admin();
    Application app = apps.register(owner, owner.personalAccountId(), "Handed over");

    transfers.transfer(actor(owner), owner, false, app, TransferTarget.company(acme.id()));

    eventually()
        .until(
            () ->
                messagesTo(owner.email()).size() == 1
                    && messagesTo(secondAdmin.email()).size() == 1);
    eventually().until(() -> openPublicationsAbout(jdbc, app.id()) == 0);
    assertThat(outboxRowsTo(jdbc, owner.email())).isOne();
    assertThat(outboxRowsTo(jdbc, member.email())).isZero();
    assertThat(outboxRowsTo(jdbc, globex.admin().email())).isZero();
  }

  private static Actor actor(User user) {
    return new Actor(user.id(), user.email(), user.operator(), null);
  }
}
