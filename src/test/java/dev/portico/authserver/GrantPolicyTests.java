package dev.portico.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.AssignmentSelection;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may hold a grant of an application (OAU-2, SHR-3): the one rule every door asks. */
@PorticoTest
class GrantPolicyTests {

  @Autowired TestAccounts fixtures;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationSharing sharing;
  @Autowired UserManagement users;
  @Autowired GrantPolicy policy;

  @Test
  void theCreatingAdminOfACompanyAppMayHoldAGrant() {
    Company acme = fixtures.company("Acme");
    Application app =
        AuthServerFixtures.register(management, acme, ApplicationType.CONNECTED_CLOUD);

    assertThat(policy.refusal(acme.admin(), app)).isEmpty();
    assertThat(policy.ownedByCompany(app)).isTrue();
  }

  @Test
  void aMemberTheCompanyHasNotAssignedTheAppToIsRefused() {
    Company acme = fixtures.company("Acme");
    Application app =
        AuthServerFixtures.register(management, acme, ApplicationType.CONNECTED_CLOUD);
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);

    assertThat(policy.refusal(member, app)).hasValueSatisfying(m -> assertThat(m).contains("Acme"));

    sharing.assign(
        AuthServerFixtures.actor(acme.admin()),
        app,
        new AssignmentSelection(Set.of(member.id()), Set.of(), Set.of()));
    assertThat(policy.refusal(member, app)).isEmpty();
  }

  @Test
  void aLightUserIsRefusedACompanyAppOfTheirOwnCompanyOrAnother() {
    Company acme = fixtures.company("Acme");
    Company other = fixtures.company("Other");
    Application app =
        AuthServerFixtures.register(management, acme, ApplicationType.CONNECTED_CLOUD);

    assertThat(policy.refusal(fixtures.member(acme, Role.MEMBER, License.LIGHT), app)).isPresent();
    assertThat(policy.refusal(fixtures.member(other, Role.MEMBER, License.LIGHT), app)).isPresent();
  }

  @Test
  void aFullUserOfAnotherCompanyOrAnIndividualMayAuthorizeACompanyApp() {
    Company acme = fixtures.company("Acme");
    Company other = fixtures.company("Other");
    Application app =
        AuthServerFixtures.register(management, acme, ApplicationType.CONNECTED_CLOUD);

    assertThat(policy.refusal(other.admin(), app)).isEmpty();
    assertThat(policy.refusal(fixtures.individual(), app)).isEmpty();
  }

  @Test
  void aSuspendedUserIsRefusedEvenTheAppTheyCreated() {
    Company acme = fixtures.company("Acme");
    User admin = fixtures.member(acme, Role.ADMIN, License.FULL);
    Company asAdmin = new Company(acme.account(), admin, acme.tag());
    Application app =
        AuthServerFixtures.register(management, asAdmin, ApplicationType.CONNECTED_CLOUD);

    User suspended =
        users.changeUser(
            AuthServerFixtures.actor(acme.admin()),
            acme.id(),
            admin.id(),
            new UserChanges(null, null, UserState.SUSPENDED));

    assertThat(policy.refusal(suspended, app))
        .hasValueSatisfying(m -> assertThat(m).contains("suspended"));
  }

  @Test
  void consentIsSkippedOnlyForTheOwningCompanyAndOnlyWhenTheAppSaysSo() {
    Company acme = fixtures.company("Acme");
    Company other = fixtures.company("Other");
    Application app =
        AuthServerFixtures.register(management, acme, ApplicationType.CONNECTED_CLOUD);
    assertThat(policy.skipsConsent(acme.admin(), app)).isFalse();

    Application skipping =
        new Application(
            app.id(),
            app.ownerAccountId(),
            app.name(),
            app.primaryFormat(),
            app.summary(),
            app.redirectUrls(),
            app.type(),
            app.oauthUrl(),
            app.supportsCollaboration(),
            app.scopes(),
            app.adminTeamId(),
            app.collaborators(),
            app.clientId(),
            app.secretCreatedAt(),
            app.previousSecret(),
            app.consentEpoch(),
            new dev.portico.applications.PlatformOAuth(
                app.platformOAuth().accessTokenLifetime(),
                app.platformOAuth().refreshTokenLifetime(),
                true),
            app.createdAt(),
            app.createdBy(),
            app.updatedAt());

    assertThat(policy.skipsConsent(acme.admin(), skipping)).isTrue();
    assertThat(policy.skipsConsent(other.admin(), skipping)).isFalse();
    assertThat(policy.skipsConsent(fixtures.individual(), skipping)).isFalse();
  }
}
