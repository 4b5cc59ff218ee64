package dev.portico.gateway.internal;

import dev.portico.gateway.GatewaySettings;
import dev.portico.gateway.RateLimitSettings;
import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Chooses where the credentials' token buckets live, once, at start: in Redis when Redis is
 * configured ({@link RedisConfigured}), shared by every node ({@link RedisRateLimiter}); otherwise
 * on PostgreSQL in the database, shared by every node ({@link PostgresRateLimiter}); on anything
 * else (the embedded H2, a single node by nature) in memory ({@link LocalRateLimiter}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

  /** Above the phase of Boot's {@code LettuceConnectionFactory} (0), below the web server's. */
  static final int LAST_WRITE_PHASE = 1;

  @Bean
  RateLimits rateLimits(
      DataSource dataSource,
      GatewaySettings gateway,
      RateLimitSettings settings,
      Environment environment,
      ObjectProvider<LettuceConnectionFactory> redis) {
    RateLimiter credentials;
    if (RedisConfigured.in(environment)) {
      credentials = RedisRateLimiter.connect(redis.getObject().getRequiredNativeClient(), settings);
      log.info(
          "Rate limits: buckets shared through Redis (keys {}*), each node syncing at most every"
              + " {} of a bucket's capacity or {}",
          RedisRateLimiter.PREFIX,
          settings.rateLimitSyncShare(),
          settings.rateLimitSyncInterval());
    } else if (isPostgres(dataSource)) {
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

  /**
   * Writes what the node holds back at shutdown in lifecycle phase {@value #LAST_WRITE_PHASE}:
   * after the web server stopped (its phases are near {@code Integer.MAX_VALUE}) and before Boot's
   * Lettuce client stops (phase 0) and closes the Redis connection; the close at bean destruction
   * then finds nothing left to do.
   */
  @Bean
  SmartLifecycle rateLimitsLastWrite(RateLimits limits) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        running = true;
      }

      @Override
      public void stop() {
        limits.close();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return LAST_WRITE_PHASE;
      }
    };
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
