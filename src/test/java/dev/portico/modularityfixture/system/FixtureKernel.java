package dev.portico.modularityfixture.system;

import dev.portico.modularityfixture.accounts.FixtureAccount;

/**
 * A kernel that imports a feature module — what DESIGN.md forbids — so that {@code ModularityTests}
 * can show its rule reports it. Test code only, never a Spring bean.
 */
public final class FixtureKernel {

  private FixtureKernel() {}

  public static String nameOf(FixtureAccount account) {
    return account.name();
  }
}
