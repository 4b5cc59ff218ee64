package dev.portico.gateway.internal;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce without its per-command instrumentation, which the nonce store's one {@code SET} per
 * signed call would pay for on every node (issue 12):
 *
 * <ul>
 *   <li>the built-in command latency collector, which Lettuce turns on whenever HdrHistogram and
 *       LatencyUtils are on the classpath (Micrometer brings both): every command recorded in a
 *       histogram, and LatencyUtils' pause detector waking threads every millisecond;
 *   <li>Boot's Micrometer observation of every command ({@code MicrometerTracing}, a span and a
 *       timer per command): JFR showed it at about a fifth of the nonce store's CPU. Its
 *       auto-configuration is excluded in {@code PorticoApplication} (a customizer here would run
 *       before Boot's, which would turn it back on).
 * </ul>
 *
 * Portico reads neither; the nonce and rate-limit outcomes are what it logs (docs/gateway.md).
 */
@Configuration(proxyBeanMethods = false)
class RedisClientResources {

  @Bean
  ClientResourcesBuilderCustomizer noLettuceCommandLatencies() {
    return builder -> builder.commandLatencyRecorder(CommandLatencyRecorder.disabled());
  }
}
