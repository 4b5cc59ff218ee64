package dev.portico;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps Portico the modular monolith DESIGN.md draws: exactly the modules that exist today, each
 * importing only the modules "Who may depend on whom" allows (everything else goes through events),
 * modules talking only through public top-level types (never another's {@code internal}), and no
 * cycles. Also writes the module documentation (PlantUML component diagrams and a module canvas per
 * module) under {@code target/spring-modulith-docs}.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(PorticoApplication.class);

  /**
   * DESIGN.md "Who may depend on whom", as "module → modules it may import": {@code system} imports
   * no feature module; {@code accounts} may be imported by every feature module and imports only
   * {@code system}; {@code notifications} and {@code audit} are imported by nobody. Modules of the
   * design that do not exist yet are listed so that they are checked from their first class on.
   */
  static final Map<String, Set<String>> MAY_IMPORT =
      Map.ofEntries(
          Map.entry("system", Set.of()),
          Map.entry("accounts", Set.of("system")),
          Map.entry("applications", Set.of("system", "accounts")),
          Map.entry("apikeys", Set.of("system", "accounts")),
          Map.entry("authserver", Set.of("system", "accounts", "applications")),
          Map.entry("usage", Set.of("system", "accounts", "applications", "apikeys")),
          Map.entry(
              "gateway",
              Set.of("system", "accounts", "applications", "apikeys", "authserver", "usage")),
          Map.entry("extensions", Set.of("system", "accounts", "applications")),
          Map.entry("store", Set.of("system", "accounts", "applications", "extensions", "usage")),
          Map.entry(
              "notifications", Set.of("system", "accounts", "applications", "usage", "store")),
          Map.entry("audit", Set.of("system", "accounts")));

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void modulesAreExactlyTheOnesThatExistToday() {
    // A new module must be added here and, if DESIGN.md does not have it, to MAY_IMPORT.
    assertThat(MODULES.stream().map(ApplicationModule::getName))
        .containsExactlyInAnyOrder(
            "system",
            "accounts",
            "applications",
            "apikeys",
            "authserver",
            "gateway",
            "usage",
            "extensions",
            "store",
            "notifications",
            "audit");
  }

  @Test
  void modulesImportOnlyWhatTheDesignAllows() {
    assertThat(forbiddenDependencies(MODULES)).isEmpty();
  }

  @Test
  void theDependencyCheckSeesTheDependenciesThatExist() {
    // Without this, an empty dependency map would pass the rule above for any code.
    Map<String, Set<String>> actual = dependencies(MODULES);
    assertThat(actual.get("gateway")).contains("apikeys", "accounts", "system");
    assertThat(actual.get("apikeys")).contains("accounts", "system");
    assertThat(actual.get("audit")).contains("system");
  }

  @Test
  void aKernelThatImportsAFeatureModuleIsReported() {
    ApplicationModules broken =
        ApplicationModules.of("dev.portico.modularityfixture", location -> true);

    assertThat(forbiddenDependencies(broken)).containsExactly("system → accounts");
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

  /** Every module's direct dependencies (types, events, beans) by module name. */
  static Map<String, Set<String>> dependencies(ApplicationModules modules) {
    Map<String, Set<String>> dependencies = new TreeMap<>();
    modules.forEach(
        module ->
            dependencies.put(
                module.getName(),
                new TreeSet<>(
                    module
                        .getDirectDependencies(modules)
                        .uniqueModules()
                        .map(ApplicationModule::getName)
                        .toList())));
    return dependencies;
  }

  /** "module → dependency" for every dependency {@link #MAY_IMPORT} does not allow. */
  static List<String> forbiddenDependencies(ApplicationModules modules) {
    return dependencies(modules).entrySet().stream()
        .flatMap(
            e ->
                e.getValue().stream()
                    .filter(
                        target -> !MAY_IMPORT.getOrDefault(e.getKey(), Set.of()).contains(target))
                    .map(target -> e.getKey() + " → " + target))
        .toList();
  }
}
