package dev.portico.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the shared kernel.
 *
 * @param maxRequestBody the largest request body accepted (§14); multipart uploads have their own
 *     limits ({@code spring.servlet.multipart.*})
 * @param changePollInterval how often each node reads the {@link ChangeFeed}: with the time a
 *     change takes to commit, the bound on how long a revoked credential still works on another
 *     node
 * @param changeFeedOverlap how far back each read of the feed reaches before the previous read:
 *     covers the time between a change's {@code changed_at} and its commit, and clock differences
 *     between nodes
 * @param changeFeedRetention how long change rows are kept before they are purged (every {@code
 *     portico.system.change-feed-purge-interval}, 1 min)
 */
@ConfigurationProperties("portico.system")
public record SystemSettings(
    @DefaultValue("1MB") DataSize maxRequestBody,
    @DefaultValue("1s") Duration changePollInterval,
    @DefaultValue("5s") Duration changeFeedOverlap,
    @DefaultValue("1h") Duration changeFeedRetention) {}
