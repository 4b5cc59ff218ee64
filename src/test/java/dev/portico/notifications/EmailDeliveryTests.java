package dev.portico.notifications;

import static dev.portico.notifications.Emails.eventually;
import static dev.portico.notifications.Emails.openPublicationsAbout;
import static dev.portico.notifications.Emails.outboxRowsTo;
import static dev.portico.notifications.Emails.part;
import static dev.portico.notifications.Emails.publishCommitted;
import static dev.portico.notifications.Emails.subject;
import static dev.portico.notifications.Emails.threshold;
import static dev.portico.notifications.TestSmtp.messagesTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.NewUser;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationCredentials;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.applications.SecretOverlap;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import dev.portico.usage.UsageThresholdReached;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The emails of NOT-1 over real SMTP (GreenMail): who receives them (every admin, the individual,
 * the invitee — never a member or another tenant), what they say (multipart/alternative, the accept
 * link, every value escaped in HTML), and one email per event and recipient however often the event
 * is delivered.
 */
@SmtpPorticoTest
class EmailDeliveryTests {

  @Autowired TestAccounts accounts;
  @Autowired UserManagement users;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ApplicationCredentials credentials;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Test
  void thresholdEmailGoesToEveryAdminOfTheCompanyAndToNobodyElse() {
    Company acme = accounts.company("Acme");
    User secondAdmin = accounts.member(acme, Role.ADMIN, License.FULL);
    User member = accounts.member(acme, Role.MEMBER, License.FULL);
    Company globex = accounts.company("Globex");

    publishCommitted(tx, events, threshold(acme.id(), acme.account().name(), 75));

    eventually().until(() -> sentTo(acme.admin()) == 1 && sentTo(secondAdmin) == 1);
    eventually().until(() -> openPublicationsAbout(jdbc, acme.id()) == 0);
    for (User admin : List.of(acme.admin(), secondAdmin)) {
      MimeMessage email = messagesTo(admin.email()).get(0);
      assertThat(subject(email)).contains(acme.account().name()).contains("75 %");
      assertThat(part(email, "text/plain")).contains("750 of 1,000");
      assertThat(part(email, "text/html")).contains("750</span> of");
    }
    assertThat(outboxRowsTo(jdbc, member.email())).isZero();
    assertThat(messagesTo(member.email())).isEmpty();
    assertThat(outboxRowsTo(jdbc, globex.admin().email())).isZero();
    assertThat(messagesTo(globex.admin().email())).isEmpty();
  }

  @Test
  void thresholdEmailOfAnIndividualGoesToThatUser() {
    User solo = accounts.individual();

    publishCommitted(tx, events, threshold(solo.personalAccountId(), "Solo", 100));

    eventually().until(() -> sentTo(solo) == 1);
    assertThat(part(messagesTo(solo.email()).get(0), "text/plain")).contains("answer 402");
  }

  /**
   * A publication is handed to the listener again after it was handled (a resubmission, or a node
   * that died before marking it complete): the second delivery writes nothing. The deliveries are
   * one after the other, as resubmissions are; Modulith's registry tracks publications in progress
   * by event, so two equal events in flight at once are not a case it (or a threshold) produces.
   */
  @Test
  void aPublicationDeliveredTwiceSendsOneEmailPerAdmin() {
    Company acme = accounts.company("Acme");
    UsageThresholdReached event = threshold(acme.id(), acme.account().name(), 50);

    publishCommitted(tx, events, event);
    eventually().until(() -> openPublicationsAbout(jdbc, acme.id()) == 0);
    publishCommitted(tx, events, event);

    eventually().until(() -> openPublicationsAbout(jdbc, acme.id()) == 0);
    eventually().until(() -> outboxRowsTo(jdbc, acme.admin().email(), "SENT") == 1);
    assertThat(outboxRowsTo(jdbc, acme.admin().email())).isOne();
    assertThat(messagesTo(acme.admin().email())).hasSize(1);
  }

  @Test
  void everyValueIsEscapedInTheHtmlEmailAndKeptAsTypedInTheText() {
    Company acme = accounts.company("Acme");
    String hostile = "<script>alert('x')</script> & \"Co\"";

    publishCommitted(tx, events, threshold(acme.id(), hostile, 25));

    eventually().until(() -> sentTo(acme.admin()) == 1);
    MimeMessage email = messagesTo(acme.admin().email()).get(0);
    assertThat(part(email, "text/html"))
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
    assertThat(part(email, "text/plain")).contains(hostile);
    assertThat(subject(email)).contains(hostile);
  }

  @Test
  void invitationEmailGoesToTheInvitedUserWithTheAcceptLink() {
    Company acme = accounts.company("Acme");
    User invitee = accounts.individual();

    users.addUser(
        Actor.SYSTEM,
        acme.id(),
        new NewUser(invitee.email(), "Ignored", Role.MEMBER, License.FULL, null));

    eventually().until(() -> sentTo(invitee) == 1);
    MimeMessage email = messagesTo(invitee.email()).get(0);
    assertThat(subject(email)).contains("join " + acme.account().name());
    assertThat(part(email, "text/html"))
        .contains("href=\"https://portico.example.test/my/invitations\"");
    assertThat(part(email, "text/plain")).contains("https://portico.example.test/my/invitations");
    assertThat(outboxRowsTo(jdbc, acme.admin().email())).isZero();
  }

  @Test
  void secretRegeneratedEmailGoesToTheOwnersAdminsOncePerRegeneration() {
    Company acme = accounts.company("Acme");
    User secondAdmin = accounts.member(acme, Role.ADMIN, License.FULL);
    User member = accounts.member(acme, Role.MEMBER, License.FULL);
    Company globex = accounts.company("Globex");
    Application app = apps.register(acme.admin(), acme.id(), "R&D \"Quotes\" 'PLM'");
    Actor actor = new Actor(acme.admin().id(), acme.admin().email(), false, null);

    Application regenerated =
        credentials.regenerateSecret(actor, app, SecretOverlap.ONE_HOUR).application();
    credentials.regenerateSecret(actor, regenerated, SecretOverlap.NONE);

    eventually().until(() -> sentTo(acme.admin()) == 2 && sentTo(secondAdmin) == 2);
    eventually().until(() -> openPublicationsAbout(jdbc, app.id()) == 0);
    MimeMessage first = messagesTo(secondAdmin.email()).get(0);
    assertThat(part(first, "text/html"))
        .contains("R&amp;D &quot;Quotes&quot; &#39;PLM&#39;")
        .contains("href=\"https://portico.example.test/developer/oauth-applications/" + app.id());
    assertThat(messagesTo(member.email())).isEmpty();
    assertThat(outboxRowsTo(jdbc, member.email())).isZero();
    assertThat(messagesTo(globex.admin().email())).isEmpty();
  }

  @Test
  void secretRegeneratedEmailOfAnIndividualsAppGoesToThatUser() {
    User solo = accounts.individual();
    Application app = apps.register(solo, solo.personalAccountId(), "Solo tool");

    credentials.regenerateSecret(
        new Actor(solo.id(), solo.email(), false, null), app, SecretOverlap.NONE);

    eventually().until(() -> sentTo(solo) == 1);
    assertThat(part(messagesTo(solo.email()).get(0), "text/plain"))
        .contains("keeps working for no time");
  }

  private int sentTo(User user) {
    return messagesTo(user.email()).size();
  }
}
