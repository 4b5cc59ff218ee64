package dev.portico.gateway.internal;

import dev.portico.gateway.GatewaySettings;
import dev.portico.gateway.RateLimitSettings;
import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Chooses where the credentials' token buckets live, once, by the database product at start: on
 * PostgreSQL in the database, shared by every node ({@link PostgresRateLimiter}); on anything else
 * (the embedded H2, a single node by nature) in memory ({@link LocalRateLimiter}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

  @Bean
  RateLimits rateLimits(
      DataSource dataSource, GatewaySettings gateway, RateLimitSettings settings) {
    RateLimiter credentials;
    if (isPostgres(dataSource)) {
      credentials = new PostgresRateLimiter(dataSource, settings);
      log.info(
          "Rate limits: buckets shared through PostgreSQL (table {}), each node syncing at most"
              + " every {} of a bucket's capacity or {}",
          PostgresRateLimiter.TABLE,
          settings.rateLimitSyncShare(),
          settings.rateLimitSyncInterval());
    } else {
      credentials = new LocalRateLimiter(500_000, RateLimits.longestPeriod(settings));
      log.info("Rate limits: buckets in this node's memory (not PostgreSQL: a single node)");
    }
    return new RateLimits(gateway, settings, credentials);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try {
      String product =
          JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return product.toLowerCase(Locale.ROOT).contains("postgres");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot tell the database product", e);
    }
  }
}
