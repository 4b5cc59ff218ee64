package dev.portico.accounts.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator created at start-up (TEN-5), bound from {@code PORTICO_BOOTSTRAP_OPERATOR_EMAIL} and
 * {@code PORTICO_BOOTSTRAP_OPERATOR_PASSWORD}. The names are fixed by the spec, hence not under
 * {@code portico.accounts}.
 */
@ConfigurationProperties("portico.bootstrap.operator")
record BootstrapSettings(@Nullable String email, @Nullable String password) {}
