package dev.portico.gateway.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether Redis is part of this deployment: {@code spring.data.redis.url}, {@code .host}, {@code
 * .sentinel.master} or {@code .cluster.nodes} is set (DESIGN.md, the Redis row). Only then do the
 * nonce store and the rate-limit buckets use it, and only then is it a health contributor; without
 * it Boot's Redis client is created but never connects.
 */
public final class RedisConfigured implements Condition {

  private static final String[] KEYS = {
    "spring.data.redis.url",
    "spring.data.redis.host",
    "spring.data.redis.sentinel.master",
    "spring.data.redis.cluster.nodes"
  };

  /** Whether any of the Redis connection properties is set to a non-blank value. */
  public static boolean in(Environment environment) {
    for (String key : KEYS) {
      String value = environment.getProperty(key);
      if (value != null && !value.isBlank()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return in(context.getEnvironment());
  }
}
