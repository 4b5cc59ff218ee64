package dev.portico.authserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAssignments;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may hold a grant of an application (OAU-2, SHR-3), asked at every door a grant passes: the
 * Authorize application page, the token endpoint (code exchange and refresh) and every Bearer call
 * on {@code /api/**}. One rule, so that a user refused at one door is refused at all of them:
 *
 * <ul>
 *   <li>a user who is not active (suspended) holds no grant;
 *   <li>a company's application: its members may use it only when it is assigned to them (directly,
 *       through a team or an alias — or when they subscribed in the store to an entry they may see,
 *       STO-4; {@link ApplicationAssignments#mayUse}, which is never true for a light user); a
 *       light user of another company may not use it either (no company has assigned it to them);
 *       other users may;
 *   <li>an individual's application: any active user may.
 * </ul>
 *
 * <p>The answer costs no database round trip in the steady state: {@code mayUse} is cached for at
 * most {@code portico.applications.cache-expiry} on each node.
 */
@Component
public class GrantPolicy {

  private final ApplicationAssignments assignments;
  private final AccountManagement accounts;
  private final Cache<UUID, Boolean> companyAccounts =
      Caffeine.newBuilder().maximumSize(100_000).build();

  GrantPolicy(ApplicationAssignments assignments, AccountManagement accounts) {
    this.assignments = assignments;
    this.accounts = accounts;
  }

  /** Why the user may not hold a grant of the application, or empty when they may. */
  public Optional<String> refusal(User user, Application app) {
    return refusal(user, app, ownedByCompany(app));
  }

  /**
   * {@link #refusal(User, Application)} when the caller already knows whether a company owns the
   * app (a cached Bearer token does): no database round trip beyond {@code mayUse}'s cache.
   */
  public Optional<String> refusal(User user, Application app, boolean ownedByCompany) {
    if (!user.isActive()) {
      return Optional.of("Your account is suspended.");
    }
    if (!ownedByCompany) {
      return Optional.empty();
    }
    if (user.isMemberOf(app.ownerAccountId()) || user.isLight()) {
      return assignments.mayUse(user.id(), app.id())
          ? Optional.empty()
          : Optional.of("Your company has not given you access to " + app.name() + ".");
    }
    return Optional.empty();
  }

  /**
   * Whether a company (not an individual's personal account) owns the application. An account's
   * type never changes, so each node remembers the answer: no database round trip once known.
   */
  public boolean ownedByCompany(Application app) {
    return companyAccounts.get(
        app.ownerAccountId(), id -> accounts.account(id).map(Account::isCompanyType).orElse(false));
  }

  /**
   * Whether the Authorize application page is skipped for this user: the app's Platform OAuth
   * setting "skip consent for the owning company" and a user of that company (who may use it).
   */
  public boolean skipsConsent(User user, Application app) {
    return app.platformOAuth().skipConsentForOwnCompany() && user.isMemberOf(app.ownerAccountId());
  }
}
