package dev.portico.usage;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthFlow;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One company with a known year of usage, for the usage view's tests: an allocation of 200 calls
 * that started 40 days ago; a real API key of member Bob ("CI pipeline", 105 calls), a real
 * application ("Acme PLM", 40 calls by the admin), a deleted key (10 calls); thresholds 25, 50 and
 * 75 % reached. 155 calls in all (77.5 %).
 */
@Component
public class UsageScenario {

  private final TestAccounts fixtures;
  private final TestApiKeys keys;
  private final ApplicationManagement applications;
  private final TestUsage usage;

  UsageScenario(
      TestAccounts fixtures,
      TestApiKeys keys,
      ApplicationManagement applications,
      TestUsage usage) {
    this.fixtures = fixtures;
    this.keys = keys;
    this.applications = applications;
    this.usage = usage;
  }

  public Seeded seed(String name) {
    Company company = fixtures.company(name);
    User bob = fixtures.member(company, Role.MEMBER, License.FULL);
    IssuedApiKey key = keys.issue(bob);
    IssuedApplication app =
        OAuthFlow.register(applications, company, name + " PLM " + company.tag(), null);
    AllocationPeriod period = usage.allocate(company.id(), 40, 200);
    UUID deletedKey = UUID.randomUUID();
    UUID keyId = key.key().id();
    UUID appId = app.application().id();
    LocalDate start = period.start();
    usage.count(company.id(), start, TestUsage.NONE, keyId, bob.id(), "developer", 100);
    usage.count(
        company.id(),
        start.plusDays(1),
        appId,
        TestUsage.NONE,
        company.admin().id(),
        "platform",
        40);
    usage.count(
        company.id(), start.plusDays(10), TestUsage.NONE, deletedKey, bob.id(), "proxy", 10);
    usage.count(company.id(), usage.today(), TestUsage.NONE, keyId, bob.id(), "platform", 5);
    usage.reached(company.id(), 25, 100, 200);
    usage.reached(company.id(), 50, 100, 200);
    usage.reached(company.id(), 75, 155, 200);
    return new Seeded(company, bob, key, app, deletedKey, period);
  }

  /** What {@link #seed} made. */
  public record Seeded(
      Company company,
      User bob,
      IssuedApiKey key,
      IssuedApplication app,
      UUID deletedKey,
      AllocationPeriod period) {

    public UUID id() {
      return company.id();
    }
  }
}
