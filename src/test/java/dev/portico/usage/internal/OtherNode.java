package dev.portico.usage.internal;

import dev.portico.PorticoApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another Portico node on the test context's database (the pattern of {@code gateway.SecondNode}):
 * in this JVM, stopped gracefully by {@link #close}; or as a separate JVM process, which a test can
 * kill like {@code kill -9}.
 */
final class OtherNode {

  private OtherNode() {}

  /** Starts a node in this JVM on a free port; closing it is a graceful shutdown. */
  static ConfigurableApplicationContext inProcess(Environment nodeA) {
    // command-line arguments: they win over application.properties (builder properties do not)
    return new SpringApplicationBuilder(PorticoApplication.class)
        .run(arguments(nodeA, 0).toArray(String[]::new));
  }

  static int port(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }

  /** Starts a node as a separate JVM on this free port, its output in {@code target/}. */
  static Process separateJvm(Environment nodeA, int port) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.io.tmpdir=" + new File("target").getAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PorticoApplication.class.getName());
    command.addAll(arguments(nodeA, port));
    // the load of a crash test, not the rate limit, decides how many calls it answers
    command.add("--portico.gateway.rate-limit-per-minute=1000000");
    File log = new File("target", "metering-node-" + port + ".log");
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the node answers its health endpoint. */
  static void awaitUp(Process process, int port, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node exited with " + process.exitValue());
      }
      try {
        if (ApiCalls.get(port, "/actuator/health", "").statusCode() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("node on port " + port + " not up within " + bound);
  }

  private static List<String> arguments(Environment nodeA, int port) {
    return List.of(
        "--server.port=" + port,
        "--spring.datasource.url=" + nodeA.getRequiredProperty("spring.datasource.url"),
        "--spring.datasource.username=" + nodeA.getRequiredProperty("spring.datasource.username"),
        "--spring.datasource.password=",
        "--portico.apikeys.encryption-keys.test="
            + nodeA.getRequiredProperty("portico.apikeys.encryption-keys.test"),
        "--portico.usage.flush-interval=1s");
  }
}
