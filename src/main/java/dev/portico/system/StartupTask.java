package dev.portico.system;

/**
 * Data a node must have written before it answers its first request: the bootstrap operator and
 * key, demo data, re-sealed secrets. Every bean of this type runs once at start-up, in {@link
 * org.springframework.core.annotation.Order @Order}, after every bean is created and before the web
 * server opens its port; a task that fails stops the start. Tasks must be idempotent and must
 * survive another node running them at the same time.
 */
@FunctionalInterface
public interface StartupTask {

  /** Does the work; may throw to stop the start with a message for the operator. */
  void run();
}
