package dev.portico.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.accounts.GroupDraft;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.internal.ClientSecrets;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The applications core (APP-1..5): registration, credentials, overlap, access, deletion. */
@PorticoTest
class ApplicationManagementTests {

  @Autowired ApplicationManagement management;
  @Autowired ApplicationCredentials credentials;
  @Autowired ApplicationOAuthSettings oauthSettings;
  @Autowired ApplicationDirectory directory;
  @Autowired ApplicationAccess access;
  @Autowired GroupManagement groups;
  @Autowired TestAccounts fixtures;
  @Autowired JdbcClient jdbc;

  @Test
  void registrationIssuesAClientIdAndASecretThatOnlyItsHashIsStoredOf() {
    Company acme = fixtures.company("Acme");
    IssuedApplication issued = register(acme.admin(), acme.id(), draft(format()));

    String clientId = issued.application().clientId();
    assertThat(clientId).hasSize(40).endsWith("=").matches("[A-Z2-7]+=*");
    assertThat(issued.clientSecret()).hasSize(56).matches("[A-Z2-7]+=*");
    String stored =
        jdbc.sql("select secret_hash from app_application where id = :id")
            .param("id", issued.application().id())
            .query(String.class)
            .single();
    assertThat(stored).isEqualTo(ClientSecrets.hash(issued.clientSecret()));
    assertThat(stored).doesNotContain(issued.clientSecret());
    assertThat(issued.toString()).doesNotContain(issued.clientSecret());
    assertThat(directory.verifyClientSecret(clientId, issued.clientSecret())).isPresent();
  }

  @Test
  void aWrongSecretOrAnUnknownClientIsRefused() {
    Company acme = fixtures.company("Acme");
    IssuedApplication issued = register(acme.admin(), acme.id(), draft(format()));

    assertThat(
            directory.verifyClientSecret(
                issued.application().clientId(), "x" + issued.clientSecret()))
        .isEmpty();
    assertThat(directory.verifyClientSecret("UNKNOWNCLIENT=", issued.clientSecret())).isEmpty();
    assertThat(directory.verifyClientSecret("", "")).isEmpty();
  }

  @Test
  void thePrimaryFormatIsUniqueAcrossThePlatform() {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    String format = format();
    register(acme.admin(), acme.id(), draft(format));

    assertThatThrownBy(() -> register(globex.admin(), globex.id(), draft(format)))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInput.FieldViolation::field)
                    .containsExactly("primaryFormat"));
    assertThat(management.count(globex.id())).isZero();
  }

  @Test
  void thePrimaryFormatCannotChange() {
    Company acme = fixtures.company("Acme");
    Application app = register(acme.admin(), acme.id(), draft(format())).application();

    assertThatThrownBy(() -> management.update(actor(acme.admin()), app, draft(format())))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInput.FieldViolation::field)
                    .containsExactly("primaryFormat"));
    assertThat(management.application(app.id()).orElseThrow().primaryFormat())
        .isEqualTo(app.primaryFormat());
  }

  @Test
  void wideningTheScopesAsksForConsentAgainButNarrowingThemDoesNot() {
    Company acme = fixtures.company("Acme");
    Application app = register(acme.admin(), acme.id(), draft(format())).application();

    Application narrowed =
        management.update(actor(acme.admin()), app, withScopes(app, Set.of(Scope.OAuth2Read)));
    assertThat(narrowed.consentEpoch()).isZero();
    Application widened =
        management.update(
            actor(acme.admin()),
            narrowed,
            withScopes(narrowed, Set.of(Scope.OAuth2Read, Scope.OAuth2Write)));
    assertThat(widened.consentEpoch()).isEqualTo(1);
  }

  @Test
  void theAdminTeamMustBeATeamOfTheOwningCompany() {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    UUID globexTeam =
        groups
            .create(
                actor(globex.admin()),
                GroupKind.TEAM,
                globex.id(),
                new GroupDraft("Devs", Set.of(), Set.of()))
            .id();
    ApplicationDraft foreignTeam = withTeam(draft(format()), globexTeam);

    assertThatThrownBy(() -> register(acme.admin(), acme.id(), foreignTeam))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInput.FieldViolation::field)
                    .containsExactly("adminTeamId"));
    User individual = fixtures.individual();
    assertThatThrownBy(
            () ->
                register(
                    individual,
                    individual.personalAccountId(),
                    withTeam(draft(format()), globexTeam)))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void membersOfTheAdminTeamAndCollaboratorsEditButDoNotManage() {
    Company acme = fixtures.company("Acme");
    User dev = fixtures.member(acme, Role.MEMBER, License.FULL);
    User collaborator = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User outsider = fixtures.member(acme, Role.MEMBER, License.FULL);
    UUID team =
        groups
            .create(
                actor(acme.admin()),
                GroupKind.TEAM,
                acme.id(),
                new GroupDraft("Devs", Set.of(dev.id(), light.id()), Set.of()))
            .id();
    ApplicationDraft d = draft(format());
    ApplicationDraft shared =
        new ApplicationDraft(
            d.name(),
            d.primaryFormat(),
            d.summary(),
            d.redirectUrls(),
            d.type(),
            d.oauthUrl(),
            true,
            d.scopes(),
            team,
            List.of(collaborator.email(), light.email()));
    Application app = register(acme.admin(), acme.id(), shared).application();

    assertThat(access.require(dev, app.id()).role()).isEqualTo(ApplicationRole.EDITOR);
    assertThat(access.require(collaborator, app.id()).role()).isEqualTo(ApplicationRole.EDITOR);
    assertThatThrownBy(() -> access.requireManager(dev, app.id())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> access.require(light, app.id())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> access.require(outsider, app.id())).isInstanceOf(NotFound.class);
    assertThat(access.requireManager(acme.admin(), app.id()).id()).isEqualTo(app.id());
  }

  @Test
  void anEditorChangesTheDefinitionButNotWhoMayEditIt() {
    Company acme = fixtures.company("Acme");
    User collaborator = fixtures.member(acme, Role.MEMBER, License.FULL);
    User friend = fixtures.member(acme, Role.MEMBER, License.FULL);
    ApplicationDraft d = draft(format());
    Application app =
        register(
                acme.admin(),
                acme.id(),
                new ApplicationDraft(
                    d.name(),
                    d.primaryFormat(),
                    d.summary(),
                    d.redirectUrls(),
                    d.type(),
                    d.oauthUrl(),
                    true,
                    d.scopes(),
                    null,
                    List.of(collaborator.email())))
            .application();
    ApplicationDraft current = ApplicationDraft.of(app);
    ApplicationDraft moreEditors =
        new ApplicationDraft(
            current.name(),
            current.primaryFormat(),
            current.summary(),
            current.redirectUrls(),
            current.type(),
            current.oauthUrl(),
            true,
            current.scopes(),
            null,
            List.of(collaborator.email(), friend.email()));

    assertThatThrownBy(
            () -> management.update(actor(collaborator), app, ApplicationRole.EDITOR, moreEditors))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInput.FieldViolation::field)
                    .containsExactly("collaborators"));
    ApplicationDraft renamed =
        new ApplicationDraft(
            "Renamed by editor",
            current.primaryFormat(),
            current.summary(),
            current.redirectUrls(),
            current.type(),
            current.oauthUrl(),
            true,
            current.scopes(),
            null,
            current.collaborators());
    assertThat(management.update(actor(collaborator), app, ApplicationRole.EDITOR, renamed).name())
        .isEqualTo("Renamed by editor");
    assertThat(management.update(actor(acme.admin()), app, moreEditors).collaborators()).hasSize(2);
  }

  @Test
  void anotherCompanysAdminAndAnotherIndividualCannotReachTheApp() {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User individual = fixtures.individual();
    User otherIndividual = fixtures.individual();
    Application company = register(acme.admin(), acme.id(), draft(format())).application();
    Application personal =
        register(individual, individual.personalAccountId(), draft(format())).application();

    assertThatThrownBy(() -> access.require(globex.admin(), company.id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> access.require(individual, company.id())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> access.require(otherIndividual, personal.id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> access.require(acme.admin(), personal.id()))
        .isInstanceOf(NotFound.class);
    assertThat(access.requireManager(individual, personal.id()).id()).isEqualTo(personal.id());
    assertThatThrownBy(() -> management.requireOwner(globex.admin(), acme.id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () -> management.requireOwner(individual, otherIndividual.personalAccountId()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void withoutOverlapTheOldSecretStopsAtOnceAndWithOneItWorksUntilRevoked() {
    Company acme = fixtures.company("Acme");
    IssuedApplication first = register(acme.admin(), acme.id(), draft(format()));
    String clientId = first.application().clientId();

    IssuedApplication second =
        credentials.regenerateSecret(actor(acme.admin()), first.application(), SecretOverlap.NONE);
    assertThat(directory.verifyClientSecret(clientId, first.clientSecret())).isEmpty();
    assertThat(directory.verifyClientSecret(clientId, second.clientSecret())).isPresent();
    assertThat(second.application().previousSecret()).isNull();

    IssuedApplication third =
        credentials.regenerateSecret(
            actor(acme.admin()), second.application(), SecretOverlap.ONE_HOUR);
    assertThat(third.application().previousSecret()).isNotNull();
    assertThat(directory.verifyClientSecret(clientId, second.clientSecret())).isPresent();
    assertThat(directory.verifyClientSecret(clientId, third.clientSecret())).isPresent();
    assertThat(
            management
                .application(first.application().id())
                .orElseThrow()
                .previousSecret()
                .lastUsedAt())
        .isNotNull();

    credentials.revokePreviousSecret(actor(acme.admin()), third.application());
    assertThat(directory.verifyClientSecret(clientId, second.clientSecret())).isEmpty();
    assertThat(directory.verifyClientSecret(clientId, third.clientSecret())).isPresent();
    assertThatThrownBy(
            () -> credentials.revokePreviousSecret(actor(acme.admin()), third.application()))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void everyChangeIsAuditedWithoutItsSecrets() {
    Company acme = fixtures.company("Acme");
    IssuedApplication first = register(acme.admin(), acme.id(), draft(format()));
    IssuedApplication second =
        credentials.regenerateSecret(
            actor(acme.admin()), first.application(), SecretOverlap.ONE_HOUR);
    oauthSettings.updatePlatformOAuth(
        actor(acme.admin()),
        second.application(),
        new PlatformOAuth(java.time.Duration.ofMinutes(30), null, true));
    oauthSettings.updateExternalOAuth(
        actor(acme.admin()),
        second.application(),
        new ExternalOAuthDraft(
            "ext-client",
            "ext-secret-value-123",
            "https://auth.example.com/authorize",
            "https://auth.example.com/token",
            "read write"));

    List<String> rows =
        jdbc.sql(
                "select action || ' ' || diff from aud_entry where account_id = :a order by occurred_at")
            .param("a", acme.id())
            .query(String.class)
            .list();
    assertThat(rows)
        .anyMatch(
            r ->
                r.startsWith("application.registered")
                    && r.contains(first.application().primaryFormat()))
        .anyMatch(r -> r.startsWith("application.secret-regenerated") && r.contains("1 hour"))
        .anyMatch(r -> r.startsWith("application.updated") && r.contains("30 minutes"))
        .anyMatch(r -> r.startsWith("application.updated") && r.contains("ext-client"));
    assertThat(String.join("\n", rows))
        .doesNotContain(first.clientSecret())
        .doesNotContain(second.clientSecret())
        .doesNotContain("ext-secret-value-123")
        .doesNotContain(ClientSecrets.hash(first.clientSecret()));
  }

  @Test
  void deletingAnAppEndsItsClientAndIsCounted() {
    Company acme = fixtures.company("Acme");
    IssuedApplication issued = register(acme.admin(), acme.id(), draft(format()));
    register(acme.admin(), acme.id(), draft(format()));
    assertThat(management.count(acme.id())).isEqualTo(2);

    management.delete(actor(acme.admin()), issued.application());

    assertThat(management.count(acme.id())).isEqualTo(1);
    assertThat(directory.verifyClientSecret(issued.application().clientId(), issued.clientSecret()))
        .isEmpty();
    assertThat(management.application(issued.application().id())).isEmpty();
  }

  private IssuedApplication register(User me, UUID owner, ApplicationDraft draft) {
    return management.register(actor(me), owner, draft);
  }

  static Actor actor(User user) {
    return new Actor(user.id(), user.email(), false, "127.0.0.1");
  }

  static String format() {
    return "com.example.app" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static ApplicationDraft draft(String format) {
    return new ApplicationDraft(
        "Acme PLM",
        format,
        "Syncs parts with the PLM",
        List.of("https://plm.example.com/oauth/callback", "http://localhost:8080/cb"),
        ApplicationType.INTEGRATED_CLOUD,
        "https://plm.example.com/start",
        false,
        Set.of(Scope.OAuth2Read, Scope.OAuth2Write),
        null,
        List.of());
  }

  private static ApplicationDraft withScopes(Application app, Set<Scope> scopes) {
    ApplicationDraft d = ApplicationDraft.of(app);
    return new ApplicationDraft(
        d.name(),
        d.primaryFormat(),
        d.summary(),
        d.redirectUrls(),
        d.type(),
        d.oauthUrl(),
        d.supportsCollaboration(),
        scopes,
        d.adminTeamId(),
        d.collaborators());
  }

  private static ApplicationDraft withTeam(ApplicationDraft d, UUID team) {
    return new ApplicationDraft(
        d.name(),
        d.primaryFormat(),
        d.summary(),
        d.redirectUrls(),
        d.type(),
        d.oauthUrl(),
        d.supportsCollaboration(),
        d.scopes(),
        team,
        d.collaborators());
  }
}
