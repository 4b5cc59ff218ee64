package dev.portico.extensions.internal;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOrder;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.AssignmentSelection;
import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.system.Actor;
import dev.portico.system.ResultPage;
import dev.portico.system.StartupTask;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode (§15, issue 10 item 8): an Acme app, <em>Acme Parts Inspector</em>, shared with Alice
 * and Bob, with a right-panel extension and a context-menu POST action that shows its response,
 * both served by Portico's own demo pages ({@code /demo/extensions/…}), so a newcomer sees an
 * extension work at once.
 *
 * <p>The extensions point at {@code http://localhost:<port>}, Portico itself. The port is {@code
 * server.port} when it is fixed (the quick start: the data is there before the first request); with
 * a random port it is known only once the server listens, so the URLs are set (or corrected, after
 * a restart on another port) when the web server has started. Idempotent: the app is registered and
 * shared once; each extension is inserted when absent and only its URL's port is ever changed
 * afterwards.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("portico.demo")
class DemoExtensions implements StartupTask, ApplicationListener<WebServerInitializedEvent> {

  static final String APP_NAME = "Acme Parts Inspector";
  static final String PRIMARY_FORMAT = "com.acme.parts-inspector";
  static final String PANEL = "Part inspector";
  static final String ACTION = "Inspect part studio";

  private static final Logger log = LoggerFactory.getLogger(DemoExtensions.class);
  private static final Pattern OWN_BASE = Pattern.compile("^http://localhost:[0-9]+/demo/");

  private final ApplicationManagement management;
  private final ApplicationSharing sharing;
  private final UserManagement users;
  private final ExtensionRows extensions;
  private final Environment environment;
  private final Clock clock;

  DemoExtensions(
      ApplicationManagement management,
      ApplicationSharing sharing,
      UserManagement users,
      ExtensionRows extensions,
      Environment environment,
      Clock clock) {
    this.management = management;
    this.sharing = sharing;
    this.users = users;
    this.extensions = extensions;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run() {
    int port = environment.getProperty("server.port", Integer.class, 8080);
    if (port > 0) {
      ensure(port);
    }
  }

  @Override
  @Transactional
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      ensure(event.getWebServer().getPort());
    }
  }

  /** Makes sure the demo app and its extensions exist, pointing at Portico on this port. */
  void ensure(int port) {
    Optional<User> alice = users.userByEmail("alice@acme.test");
    if (alice.isEmpty()) {
      return;
    }
    UUID acme = Objects.requireNonNull(alice.get().companyId());
    Application app = find(acme).orElseGet(() -> register(acme, alice.get()));
    String base = "http://localhost:" + port;
    List<Extension> existing = extensions.ofApplication(app.id());
    ensure(app, existing, panel(app.id(), base));
    ensure(app, existing, action(app.id(), base));
  }

  private Optional<Application> find(UUID acme) {
    return management
        .applications(acme, ApplicationOrder.NAME, true, new ResultPage.Request(0, 200))
        .items()
        .stream()
        .filter(a -> a.name().equals(APP_NAME))
        .map(a -> management.application(a.id()))
        .flatMap(Optional::stream)
        .filter(a -> a.primaryFormat().equals(PRIMARY_FORMAT))
        .findFirst();
  }

  private Application register(UUID acme, User alice) {
    Application app =
        management
            .register(
                Actor.SYSTEM,
                acme,
                new ApplicationDraft(
                    APP_NAME,
                    PRIMARY_FORMAT,
                    "Shows a part's data beside the model and inspects a Part Studio on demand.",
                    List.of("https://inspector.acme.test/oauth/callback"),
                    ApplicationType.INTEGRATED_CLOUD,
                    "https://inspector.acme.test/start",
                    false,
                    Set.of(Scope.OAuth2Read),
                    null,
                    List.of()))
            .application();
    Set<UUID> shareWith = new LinkedHashSet<>();
    shareWith.add(alice.id());
    users.userByEmail("bob@acme.test").map(User::id).ifPresent(shareWith::add);
    sharing.assign(Actor.SYSTEM, app, new AssignmentSelection(shareWith, Set.of(), Set.of()));
    log.info("Demo mode: registered the application {} with two extensions", APP_NAME);
    return app;
  }

  /** Inserts the demo extension when the app has none of that name; else follows the port. */
  private void ensure(Application app, List<Extension> existing, Extension wanted) {
    Optional<Extension> found =
        existing.stream().filter(e -> e.name().equals(wanted.name())).findFirst();
    if (found.isEmpty()) {
      extensions.insert(wanted, null);
      return;
    }
    Extension current = found.get();
    if (OWN_BASE.matcher(current.actionUrl()).find()
        && !current.actionUrl().equals(wanted.actionUrl())) {
      String url = OWN_BASE.matcher(current.actionUrl()).replaceFirst(baseOf(wanted) + "/demo/");
      extensions.update(withUrl(current, url));
    }
  }

  private Extension panel(UUID appId, String base) {
    return extension(
        appId,
        PANEL,
        "Shows the selected part's ids beside the model (a demo page served by Portico).",
        ExtensionLocation.ELEMENT_RIGHT_PANEL,
        ExtensionContext.PART,
        base
            + "/demo/extensions/panel?documentId={$documentId}"
            + "&workspaceOrVersion={$workspaceOrVersion}"
            + "&workspaceOrVersionId={$workspaceOrVersionId}&elementId={$elementId}"
            + "&partNumber={$partNumber}&configuration={$configuration}",
        null,
        null,
        false);
  }

  private Extension action(UUID appId, String base) {
    return extension(
        appId,
        ACTION,
        "Asks the inspector about the Part Studio and shows its answer (a demo endpoint).",
        ExtensionLocation.ELEMENT_CONTEXT_MENU,
        ExtensionContext.PART_STUDIO,
        base + "/demo/extensions/action?documentId={$documentId}",
        ActionType.POST,
        """
        {"documentId": "{$documentId}", "workspaceOrVersion": "{$workspaceOrVersion}", \
        "workspaceOrVersionId": "{$workspaceOrVersionId}", "elementId": "{$elementId}", \
        "configuration": "{$configuration}"}""",
        true);
  }

  private Extension extension(
      UUID appId,
      String name,
      String description,
      ExtensionLocation location,
      ExtensionContext context,
      String url,
      @Nullable ActionType type,
      @Nullable String body,
      boolean showResponse) {
    Instant now = clock.instant();
    return new Extension(
        UUID.randomUUID(),
        appId,
        name,
        description,
        location,
        context,
        url,
        type,
        body,
        showResponse,
        null,
        now,
        null,
        now);
  }

  private static String baseOf(Extension e) {
    return e.actionUrl().substring(0, e.actionUrl().indexOf("/demo/"));
  }

  private Extension withUrl(Extension e, String url) {
    return new Extension(
        e.id(),
        e.applicationId(),
        e.name(),
        e.description(),
        e.location(),
        e.context(),
        url,
        e.actionType(),
        e.actionBody(),
        e.showResponse(),
        e.iconType(),
        e.createdAt(),
        e.createdBy(),
        clock.instant());
  }
}
