package dev.portico.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Input placeholders and "e.g." examples in the console never name a demo user or company (§15): on
 * a real installation they would read like someone's address. Examples use example.com.
 */
class ConsoleExamplesTests {

  private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

  /** Placeholder attributes and "e.g. …" phrases. */
  private static final Pattern EXAMPLE =
      Pattern.compile("placeholder=\"([^\"]*)\"|e\\.g\\. ([^<'\")]+)");

  /** The demo data's people, companies and domains (accounts.internal.DemoData). */
  private static final List<String> DEMO =
      List.of("alice", "bob", "lena", "gina", "dave", "acme", "globex", "portico.test", ".test");

  @Test
  void noPlaceholderOrExampleNamesADemoUser() throws IOException {
    List<String> found = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        Matcher m = EXAMPLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          String example = m.group(1) != null ? m.group(1) : m.group(2);
          examples.add(example);
          String lower = example.toLowerCase(Locale.ROOT);
          if (DEMO.stream().anyMatch(lower::contains)) {
            found.add(TEMPLATES.relativize(file) + ": " + example);
          }
        }
      }
    }
    assertThat(examples).as("examples found in the templates").isNotEmpty();
    assertThat(found).isEmpty();
  }
}
