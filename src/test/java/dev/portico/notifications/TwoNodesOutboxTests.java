package dev.portico.notifications;

import static dev.portico.notifications.Emails.eventually;
import static dev.portico.notifications.TestSmtp.messagesTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.notifications.internal.EmailState;
import dev.portico.notifications.internal.NewEmail;
import dev.portico.notifications.internal.Outbox;
import dev.portico.notifications.internal.OutboxEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Portico nodes on one database and one SMTP server (node B started like {@code
 * gateway.SecondNode}): a claim is won by exactly one node, and with both senders running every
 * email of the outbox is delivered exactly once.
 */
@SmtpPorticoTest
class TwoNodesOutboxTests {

  static ConfigurableApplicationContext nodeB;

  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startNodeB(@Autowired Environment nodeA) {
    nodeB = SmtpSecondNode.start(nodeA);
  }

  @AfterAll
  static void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void twoNodesClaimingTheSameDueEmailsNeverWinTheSameOne() throws Exception {
    // due only in a day: the running senders (real clock) leave them alone
    Instant later = Instant.now().plus(Duration.ofDays(1));
    List<UUID> ids = addEmails(40, "race", later.minusSeconds(60));
    List<Outbox> outboxes = List.of(outbox, nodeB.getBean(Outbox.class));
    CyclicBarrier start = new CyclicBarrier(8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<UUID>>> claims = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Outbox node = outboxes.get(i % 2);
        Callable<List<UUID>> claimer =
            () -> {
              start.await();
              List<UUID> won = new ArrayList<>();
              for (int round = 0; round < 10; round++) {
                node.claimDue(later, Duration.ofMinutes(5), 5).emails().stream()
                    .map(OutboxEmail::id)
                    .filter(ids::contains)
                    .forEach(won::add);
              }
              return won;
            };
        claims.add(pool.submit(claimer));
      }
      List<UUID> all = new ArrayList<>();
      for (Future<List<UUID>> claim : claims) {
        all.addAll(claim.get());
      }
      assertThat(all).doesNotHaveDuplicates();
      assertThat(new HashSet<>(all)).containsAll(ids);
    } finally {
      pool.shutdownNow();
      jdbc.sql("update not_email set state = 'SENT' where id in (:ids)").param("ids", ids).update();
      // other tests' pending emails this race may have claimed until tomorrow
      jdbc.sql(
              "update not_email set claimed_until = null, claim_token = null where claimed_until > :t")
          .param("t", later.atOffset(java.time.ZoneOffset.UTC))
          .update();
    }
  }

  @Test
  void twoNodesDrainingOneOutboxDeliverEveryEmailExactlyOnce() {
    List<UUID> ids = addEmails(60, "drain", Instant.now());

    eventually()
        .until(
            () ->
                jdbc.sql("select count(*) from not_email where id in (:ids) and state = 'SENT'")
                        .param("ids", ids)
                        .query(Long.class)
                        .single()
                    == ids.size());
    Set<String> recipients =
        new HashSet<>(
            jdbc.sql("select recipient from not_email where id in (:ids)")
                .param("ids", ids)
                .query(String.class)
                .list());
    assertThat(recipients).hasSize(60);
    for (String recipient : recipients) {
      assertThat(messagesTo(recipient)).as(recipient).hasSize(1);
    }
  }

  private List<UUID> addEmails(int count, String tag, Instant due) {
    String batch = UUID.randomUUID().toString().substring(0, 8);
    IntStream.range(0, count)
        .forEach(
            i ->
                outbox.add(
                    new NewEmail(
                        tag + ":" + batch + ":" + i,
                        "test",
                        null,
                        UUID.randomUUID(),
                        tag + "-" + batch + "-" + i + "@nodes.test",
                        "Test " + i,
                        "<p>Test</p>",
                        "Test"),
                    EmailState.PENDING,
                    due));
    return jdbc.sql("select id from not_email where dedupe_key like :k")
        .param("k", tag + ":" + batch + ":%")
        .query(UUID.class)
        .list();
  }
}
