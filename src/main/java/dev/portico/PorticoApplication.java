package dev.portico;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Portico: a self-hostable developer platform for SaaS products.
 *
 * <p>The authorization server's JWT auto-configuration is excluded: Portico issues opaque tokens
 * stored as hashes (OAU-6), so it needs neither the RSA key that configuration generates at every
 * start nor its {@code JwtDecoder}.
 *
 * <p>So is the observation of every Redis command (a span and a timer per command, Lettuce's {@code
 * MicrometerTracing}): the nonce store sends one per signed call, and JFR showed the observation at
 * about a fifth of the nonce store's CPU (issue 12; see also {@code
 * gateway.internal.RedisClientResources}).
 */
@SpringBootApplication(
    exclude = {
      OAuth2AuthorizationServerJwtAutoConfiguration.class,
      LettuceObservationAutoConfiguration.class
    })
@ConfigurationPropertiesScan
@EnableScheduling
public class PorticoApplication {

  public static void main(String[] args) {
    SpringApplication.run(PorticoApplication.class, args);
  }
}
