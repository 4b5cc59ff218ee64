package dev.portico.usage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of metering (USE-7).
 *
 * @param flushInterval how often each node writes its pending counts to the database and refreshes
 *     its view of every account's total: the most a crash can lose, and the most a cluster can
 *     overshoot an allocation by (one window's calls per node)
 */
@ConfigurationProperties("portico.usage")
public record UsageSettings(@DefaultValue("1s") Duration flushInterval) {}
