package dev.portico.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.PorticoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The audit module only listens (DESIGN: "notifications, audit ← nobody"). */
class AuditModuleTests {

  private final ApplicationModules modules = ApplicationModules.of(PorticoApplication.class);

  @Test
  void auditDependsOnlyOnSystemAndAccounts() {
    ApplicationModule audit = modules.getModuleByName("audit").orElseThrow();

    audit.verifyDependencies(modules);
    assertThat(audit.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName))
        .isSubsetOf("system", "accounts");
  }

  @Test
  void noModuleDependsOnAudit() {
    ApplicationModule audit = modules.getModuleByName("audit").orElseThrow();

    assertThat(modules.stream().filter(m -> !m.getName().equals(audit.getName())))
        .noneMatch(m -> m.getDirectDependencies(modules).contains(audit));
  }
}
