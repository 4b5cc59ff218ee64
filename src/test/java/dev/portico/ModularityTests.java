package dev.portico;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps Portico a modular monolith: modules talk only through their public top-level types, never
 * through each other's {@code internal} packages, and never in a cycle. Also writes the module
 * documentation (PlantUML component diagrams and a module canvas per module) under {@code
 * target/spring-modulith-docs}.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(PorticoApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void modulesIncludeTheKernelAndAccounts() {
    assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
        .contains("system", "accounts");
  }

  @Test
  void writesModuleDocumentation() {
    Path output = Path.of("target", "spring-modulith-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
        .writeDocumentation();
    assertThat(output.resolve("all-docs.adoc")).exists();
    assertThat(output.resolve("components.puml")).exists();
    assertThat(Files.isDirectory(output)).isTrue();
  }
}
