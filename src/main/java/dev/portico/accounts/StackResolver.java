package dev.portico.accounts;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.portico.accounts.internal.Accounts;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Resolves the stack of a request from its {@code Host} header (TEN-4): an enterprise's domain
 * selects its stack, the port is ignored, anything else is the public stack. Lookups are cached for
 * a few seconds so that the API hot path never waits on the database; a changed domain is seen
 * within that time on every node.
 */
@Component
public class StackResolver {

  private static final Duration CACHE_TTL = Duration.ofSeconds(5);

  private final AccountsSettings settings;
  private final LoadingCache<String, Optional<UUID>> enterprisesByDomain;

  StackResolver(Accounts accounts, AccountsSettings settings) {
    this.settings = settings;
    this.enterprisesByDomain =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHE_TTL)
            .build(
                domain ->
                    accounts
                        .findByDomain(domain)
                        .filter(a -> a.type() == AccountType.ENTERPRISE)
                        .map(Account::id));
  }

  /** The stack for a {@code Host} header value such as {@code acme.portico.localhost:8080}. */
  public Stack resolve(@Nullable String hostHeader) {
    String host = hostOnly(hostHeader);
    if (host.isEmpty()) {
      return new Stack(null, settings.publicHost());
    }
    Optional<UUID> enterprise = enterprisesByDomain.get(host);
    return enterprise
        .map(id -> new Stack(id, host))
        .orElseGet(() -> new Stack(null, settings.publicHost()));
  }

  /** Lower-cased host without port; IPv6 literals keep their brackets. */
  static String hostOnly(@Nullable String hostHeader) {
    if (hostHeader == null) {
      return "";
    }
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    host = colon < 0 ? host : host.substring(0, colon);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
