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
import dev.portico.store.LaunchFixtures;
import dev.portico.store.LaunchFixtures.Launch;
import dev.portico.store.ReviewDecision;
import dev.portico.store.StoreReview;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * NOT-1's store review outcome over real SMTP: an approval emails every admin of the owning company
 * a link to the entry; a return emails them the operator's comments, escaped in the HTML part;
 * members and the operator are not emailed; one email per decision. A personal account's individual
 * is its only recipient.
 */
@SmtpPorticoTest
class StoreReviewEmailTests {

  @Autowired TestAccounts accounts;
  @Autowired LaunchFixtures launches;
  @Autowired StoreReview review;
  @Autowired JdbcClient jdbc;

  @Test
  void everyAdminIsEmailedTheApprovalWithALinkToTheEntry() {
    Company acme = accounts.company("Acme");
    User secondAdmin = accounts.member(acme, Role.ADMIN, License.FULL);
    Launch l = launches.inReview(acme);
    User operator = accounts.operator();

    review.decide(actor(operator), operator, l.entry().id(), ReviewDecision.APPROVE, null);

    eventually()
        .until(
            () ->
                messagesTo(acme.admin().email()).size() == 1
                    && messagesTo(secondAdmin.email()).size() == 1);
    MimeMessage email = messagesTo(secondAdmin.email()).get(0);
    assertThat(subject(email)).contains(l.entry().name()).contains("is public");
    assertThat(part(email, "text/plain")).contains("/store/entries/" + l.entry().id());
    assertThat(part(email, "text/html")).contains("/store/entries/" + l.entry().id());
    eventually().until(() -> openPublicationsAbout(jdbc, l.entry().id()) == 0);
    assertThat(outboxRowsTo(jdbc, operator.email())).isZero();
  }

  @Test
  void everyAdminIsEmailedTheReturnWithTheCommentsEscaped() {
    Company acme = accounts.company("Acme");
    User secondAdmin = accounts.member(acme, Role.ADMIN, License.FULL);
    User member = accounts.member(acme, Role.MEMBER, License.FULL);
    Launch l = launches.inReview(acme);
    User operator = accounts.operator();

    review.decide(
        actor(operator),
        operator,
        l.entry().id(),
        ReviewDecision.RETURN,
        "Add a <script>alert(1)</script> privacy policy & screenshots.");

    eventually()
        .until(
            () ->
                messagesTo(acme.admin().email()).size() == 1
                    && messagesTo(secondAdmin.email()).size() == 1);
    MimeMessage email = messagesTo(acme.admin().email()).get(0);
    assertThat(subject(email)).contains(l.entry().name()).contains("returned");
    assertThat(part(email, "text/plain")).contains("privacy policy & screenshots.");
    assertThat(part(email, "text/html"))
        .contains("Add a &lt;script&gt;alert(1)&lt;/script&gt; privacy policy &amp; screenshots.")
        .doesNotContain("<script>");
    eventually().until(() -> openPublicationsAbout(jdbc, l.entry().id()) == 0);
    assertThat(outboxRowsTo(jdbc, acme.admin().email())).isOne();
    assertThat(outboxRowsTo(jdbc, member.email())).isZero();
  }

  private static Actor actor(User user) {
    return new Actor(user.id(), user.email(), user.operator(), null);
  }
}
