package dev.portico.gateway.internal;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Lettuce without its built-in command latency collector. Lettuce turns it on whenever HdrHistogram
 * and LatencyUtils are on the classpath (Micrometer brings both): every command is then recorded in
 * a histogram and LatencyUtils' pause detector keeps threads waking up every millisecond — CPU the
 * nonce store's one {@code SET} per signed call pays for on every node (issue 12). Portico reads no
 * Lettuce latency events; the nonce and rate-limit outcomes are what it logs.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientResources {

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  ClientResourcesBuilderCustomizer noLettuceCommandLatencies() {
    return builder -> builder.commandLatencyRecorder(CommandLatencyRecorder.disabled());
  }
}
