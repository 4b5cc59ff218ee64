package dev.portico.notifications;

import dev.portico.PorticoApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second Portico node for the SMTP test context: node A's database and encryption key, the same
 * SMTP server ({@link TestSmtp}), a free port (like {@code gateway.SecondNode}).
 */
final class SmtpSecondNode {

  private SmtpSecondNode() {}

  static ConfigurableApplicationContext start(Environment nodeA) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    for (String name :
        List.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "portico.apikeys.encryption-keys.test")) {
      args.add("--" + name + "=" + nodeA.getRequiredProperty(name));
    }
    args.add("--spring.datasource.password=");
    for (String property : TestSmtp.Initializer.PROPERTIES) {
      args.add("--" + property);
    }
    return new SpringApplicationBuilder(PorticoApplication.class).run(args.toArray(String[]::new));
  }
}
