package dev.portico;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Portico: a self-hostable developer platform for SaaS products.
 *
 * <p>The authorization server's JWT auto-configuration is excluded: Portico issues opaque tokens
 * stored as hashes (OAU-6), so it needs neither the RSA key that configuration generates at every
 * start nor its {@code JwtDecoder}.
 */
@SpringBootApplication(exclude = OAuth2AuthorizationServerJwtAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class PorticoApplication {

  public static void main(String[] args) {
    SpringApplication.run(PorticoApplication.class, args);
  }
}
