package dev.portico.usage.internal;

import org.springframework.context.ApplicationContext;

/** Lets tests outside this package write the pending counts now, as {@link UsageFlush} does. */
public final class UsageFlushes {

  private UsageFlushes() {}

  /** Flushes this node's pending counts; whether the flush committed. */
  public static boolean flush(ApplicationContext context) {
    return context.getBean(UsageFlush.class).flush();
  }
}
