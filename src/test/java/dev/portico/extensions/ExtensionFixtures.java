package dev.portico.extensions;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.AssignmentSelection;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthFlow;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.support.TestAccounts.Company;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Company apps with extensions, assignments and plain-HTTP API calls for the visibility tests. */
@Component
public class ExtensionFixtures {

  public static final Set<Scope> READ_WRITE_DELETE =
      EnumSet.of(Scope.OAuth2Read, Scope.OAuth2Write, Scope.OAuth2Delete);

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ApplicationManagement applications;
  private final ApplicationSharing sharing;
  private final ExtensionRows extensions;

  public ExtensionFixtures(
      ApplicationManagement applications, ApplicationSharing sharing, ExtensionRows extensions) {
    this.applications = applications;
    this.sharing = sharing;
    this.extensions = extensions;
  }

  /** A company app (its admin is assigned as its creator) with scopes Read, Write and Delete. */
  public IssuedApplication app(Company company) {
    return OAuthFlow.register(applications, company.admin(), company.id(), READ_WRITE_DELETE);
  }

  public void assign(Company company, IssuedApplication app, User user) {
    sharing.assign(
        OAuthFlow.actor(company.admin()),
        app.application(),
        new AssignmentSelection(Set.of(user.id()), Set.of(), Set.of()));
  }

  public void unassign(Company company, IssuedApplication app, User user) {
    sharing.unassign(
        OAuthFlow.actor(company.admin()),
        app.application(),
        new AssignmentSelection(Set.of(user.id()), Set.of(), Set.of()));
  }

  /** Stores an extension of the app (no icon), as the editor would after its checks. */
  public Extension extension(
      IssuedApplication app,
      String name,
      ExtensionLocation location,
      @Nullable ExtensionContext context,
      String actionUrl,
      @Nullable ActionType actionType) {
    Instant now = Instant.now();
    Extension e =
        new Extension(
            UUID.randomUUID(),
            app.application().id(),
            name,
            "About " + name,
            location,
            context,
            actionUrl,
            actionType,
            null,
            false,
            null,
            now,
            null,
            now);
    extensions.insert(e, null);
    return e;
  }

  /** An API call on this port with this {@code Authorization} header (a JSON body if given). */
  public static HttpResponse<String> call(
      int port, String method, String path, String authorization, @Nullable String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }
}
