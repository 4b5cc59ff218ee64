package dev.portico.authserver;

import dev.portico.applications.IssuedApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The express app of {@link PassportOnshapeTests} ({@code src/test/node/passport-onshape/app.js})
 * under {@code node}: exits when its standard input closes (or by itself).
 */
final class PassportOnshapeApp implements AutoCloseable {

  static final Path APP = Path.of("src", "test", "node", "passport-onshape");
  private static final List<String> MODULES = List.of("passport-onshape", "passport", "express");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final CountDownLatch listening = new CountDownLatch(1);

  private PassportOnshapeApp(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  output.append(line).append('\n');
                  if (line.startsWith("listening on ")) {
                    listening.countDown();
                  }
                }
              } catch (IOException e) {
                output.append("(output closed: ").append(e.getMessage()).append(")\n");
              }
              listening.countDown();
            },
            "passport-onshape-app");
    reader.setDaemon(true);
    reader.start();
  }

  static PassportOnshapeApp start(int port, String portico, IssuedApplication app, String scopes)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("node", "app.js").directory(APP.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("PORTICO_URL", portico);
    env.put("CLIENT_ID", app.application().clientId());
    env.put("CLIENT_SECRET", app.clientSecret());
    env.put("PORT", String.valueOf(port));
    env.put("SCOPES", scopes);
    env.put("LIFETIME_SECONDS", "90");
    PassportOnshapeApp started = new PassportOnshapeApp(builder.start());
    if (!started.listening.await(30, TimeUnit.SECONDS) || !started.process.isAlive()) {
      started.close();
      throw new AssertionError("the express app did not start:\n" + started.output());
    }
    return started;
  }

  String output() {
    return output.toString();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // Already gone.
    }
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** What is missing to run the app, or null when node and the modules are there. */
  static String missing() {
    String hint = "the passport-onshape check needs Debian's nodejs and npm and `npm ci` in " + APP;
    for (String module : MODULES) {
      if (!Files.isRegularFile(
          APP.resolve("node_modules").resolve(module).resolve("package.json"))) {
        return hint + ": node_modules/" + module + " is missing";
      }
    }
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version.getOutputStream().close();
      String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!version.waitFor(20, TimeUnit.SECONDS) || version.exitValue() != 0) {
        return hint + ": `node --version` failed: " + out.strip();
      }
      return null;
    } catch (IOException e) {
      return hint + ": no node on the PATH (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return hint + ": interrupted";
    }
  }

  static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
