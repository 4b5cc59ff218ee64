package dev.portico.extensions;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.system.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Apps with extensions for the preview tests, stored as rows (the editor is tested on its own), and
 * a few readers of the rendered HTML.
 */
@Component
public class PreviewFixtures {

  private final ApplicationManagement management;
  private final ExtensionRows extensions;

  PreviewFixtures(ApplicationManagement management, ExtensionRows extensions) {
    this.management = management;
    this.extensions = extensions;
  }

  /** An app of the owner account registered by the user, with these collaborators (editors). */
  public Application app(User by, UUID ownerAccountId, String... collaborators) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    ApplicationDraft draft =
        new ApplicationDraft(
            "Preview app " + tag,
            "com.example.preview-" + tag,
            "An app whose extensions are previewed",
            List.of("https://app-" + tag + ".example.com/callback"),
            ApplicationType.CONNECTED_CLOUD,
            null,
            collaborators.length > 0,
            Set.of(Scope.OAuth2Read),
            null,
            List.of(collaborators));
    Actor actor = new Actor(by.id(), by.email(), by.operator(), "127.0.0.1");
    return management.register(actor, ownerAccountId, draft).application();
  }

  /** Stores an extension as given, without the editor's checks. */
  public Extension add(
      Application app,
      String name,
      ExtensionLocation location,
      @Nullable ExtensionContext context,
      String url,
      @Nullable ActionType type,
      @Nullable String body,
      boolean showResponse) {
    Instant now = Instant.now();
    Extension e =
        new Extension(
            UUID.randomUUID(),
            app.id(),
            name,
            null,
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
    extensions.insert(e, null);
    return e;
  }

  /** The opening tag of the element with this id, or fails. */
  public static String tag(String html, String id) {
    Matcher m =
        Pattern.compile("<[a-z]+\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no element with id " + id + " in\n" + html);
    }
    return m.group();
  }

  /** An attribute of an opening tag, unescaped; {@code null} when absent. */
  public static @Nullable String attribute(String tag, String name) {
    Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)) : null;
  }
}
