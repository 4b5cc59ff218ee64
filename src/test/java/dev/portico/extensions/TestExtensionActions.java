package dev.portico.extensions;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationAccess;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ExternalAccess;
import dev.portico.applications.ExternalApplication;
import dev.portico.extensions.internal.ActionHttpClient;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ExtensionActions} built as the context builds it, but with the address rule and the {@link
 * ExternalAccess} a test chooses ({@code server} is {@code https://portico.example}). Call {@link
 * #closeAll()} after each test.
 */
@Component
public class TestExtensionActions {

  private final ExtensionRows rows;
  private final ApplicationManagement applications;
  private final ApplicationAssignments assignments;
  private final ApplicationAccess access;
  private final ApplicationOAuthSettings oauthSettings;
  private final JsonMapper json;
  private final List<ActionHttpClient> clients = new ArrayList<>();

  TestExtensionActions(
      ExtensionRows rows,
      ApplicationManagement applications,
      ApplicationAssignments assignments,
      ApplicationAccess access,
      ApplicationOAuthSettings oauthSettings,
      JsonMapper json) {
    this.rows = rows;
    this.applications = applications;
    this.assignments = assignments;
    this.access = access;
    this.oauthSettings = oauthSettings;
    this.json = json;
  }

  public synchronized ExtensionActions service(
      boolean allowPrivateAddresses, ExternalAccess externalAccess) {
    ActionHttpClient client =
        new ActionHttpClient(
            new ExtensionsSettings.Actions(
                allowPrivateAddresses,
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                DataSize.ofMegabytes(1),
                5));
    clients.add(client);
    return new ExtensionActions(
        rows,
        applications,
        assignments,
        access,
        oauthSettings,
        externalAccess,
        client,
        json,
        "https://portico.example/");
  }

  public synchronized void closeAll() throws IOException {
    for (ActionHttpClient c : clients) {
      c.close();
    }
    clients.clear();
  }

  /** Nobody granted External access. */
  public static ExternalAccess noGrant() {
    return new FixedExternalAccess(Optional.empty());
  }

  /** Every user granted it, with this token. */
  public static ExternalAccess granted(String token) {
    return new FixedExternalAccess(Optional.of(token));
  }

  /** A user's External OAuth token as the test says; the real one is another module's work. */
  record FixedExternalAccess(Optional<String> token) implements ExternalAccess {

    @Override
    public Optional<String> accessToken(UUID userId, UUID applicationId) {
      return token;
    }

    @Override
    public String grantPath(UUID applicationId) {
      return "/grant/" + applicationId;
    }

    @Override
    public List<ExternalApplication> grants(UUID userId) {
      return List.of();
    }

    @Override
    public List<ExternalApplication> grantable(User user) {
      return List.of();
    }

    @Override
    public ExternalApplication revoke(Actor actor, User user, UUID applicationId) {
      throw new NotFound("Application");
    }
  }
}
