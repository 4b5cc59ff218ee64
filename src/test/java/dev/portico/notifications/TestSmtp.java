package dev.portico.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server (GreenMail) on a port fixed for the whole test JVM, which tests stop and start
 * again to play an SMTP outage. Every message it received while up since the JVM started is kept,
 * so a test counts what each of its own (unique) recipients got.
 */
public final class TestSmtp {

  static final int PORT = freePort();
  private static final List<MimeMessage> received = new java.util.ArrayList<>();
  private static @Nullable GreenMail server;

  private TestSmtp() {}

  static synchronized void start() {
    if (server == null) {
      GreenMail started = new GreenMail(new ServerSetup(PORT, "127.0.0.1", "smtp"));
      started.start();
      server = started;
    }
  }

  /** Stops the server: connections are refused until {@link #start()}. */
  static synchronized void stop() {
    if (server != null) {
      received.addAll(Arrays.asList(server.getReceivedMessages()));
      server.stop();
      server = null;
    }
  }

  /** The messages received for this address, while up, since the JVM started. */
  public static synchronized List<MimeMessage> messagesTo(String address) {
    List<MimeMessage> all = new java.util.ArrayList<>(received);
    if (server != null) {
      all.addAll(Arrays.asList(server.getReceivedMessages()));
    }
    return all.stream().filter(m -> isFor(m, address)).toList();
  }

  private static boolean isFor(MimeMessage message, String address) {
    try {
      Address[] to = message.getAllRecipients();
      return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Points a context at {@link #PORT} with fast retries, short polls and small batches (so that two
   * nodes interleave), and starts the server.
   */
  static final class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String[] PROPERTIES = {
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=" + PORT,
      "portico.notifications.poll-interval=100ms",
      "portico.notifications.retry-initial=200ms",
      "portico.notifications.retry-max=500ms",
      "portico.notifications.batch-size=5",
      "portico.notifications.base-url=https://portico.example.test"
    };

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      start();
      TestPropertyValues.of(PROPERTIES).applyTo(context.getEnvironment());
    }
  }
}
