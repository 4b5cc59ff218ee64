package dev.portico.modularityfixture.accounts;

/** A feature module's type, for {@code ModularityTests} only (never a Spring bean). */
public record FixtureAccount(String name) {}
