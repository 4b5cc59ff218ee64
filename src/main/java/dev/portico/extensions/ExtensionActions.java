package dev.portico.extensions;

import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ExternalAccess;
import dev.portico.extensions.ActionResult.Kind;
import dev.portico.extensions.internal.ActionAnswers;
import dev.portico.extensions.internal.ActionCallFailed;
import dev.portico.extensions.internal.ActionHttpClient;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.extensions.internal.PartNumberBodies;
import dev.portico.system.NotFound;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.util.Assert;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs extensions' GET and POST actions for a user (EXT-4): Portico resolves the action URL and
 * body for the context, calls the app's server with the user's External OAuth token and brings back
 * its JSON answer for the response dialog. Also asks a {@code PART_NUMBER_GENERATOR} for a part
 * number (EXT-3a).
 *
 * <p>Who may run an extension: whoever may see it — the users the app is assigned to (SHR-3) and
 * the app's managers and editors (so that developers can preview it). Everyone else gets {@link
 * NotFound}, as for an extension that does not exist.
 *
 * <p>The default query parameters (EXT-3) come from the request being served: {@code server} is
 * {@code portico.notifications.base-url} when set, else the request's own base URL; {@code locale}
 * is the request's locale ({@link LocaleContextHolder}).
 */
@Service
public class ExtensionActions {

  private final ExtensionRows extensions;
  private final ApplicationManagement applications;
  private final ApplicationAssignments assignments;
  private final ApplicationAccess access;
  private final ApplicationOAuthSettings oauthSettings;
  private final ExternalAccess externalAccess;
  private final ActionHttpClient http;
  private final JsonMapper json;
  private final String baseUrl;

  public ExtensionActions(
      ExtensionRows extensions,
      ApplicationManagement applications,
      ApplicationAssignments assignments,
      ApplicationAccess access,
      ApplicationOAuthSettings oauthSettings,
      ExternalAccess externalAccess,
      ActionHttpClient http,
      JsonMapper json,
      @Value("${portico.notifications.base-url:}") String baseUrl) {
    Assert.notNull(extensions, "extensions cannot be null");
    Assert.notNull(http, "http cannot be null");
    this.extensions = extensions;
    this.applications = applications;
    this.assignments = assignments;
    this.access = access;
    this.oauthSettings = oauthSettings;
    this.externalAccess = externalAccess;
    this.http = http;
    this.json = json;
    this.baseUrl = baseUrl.strip();
  }

  /**
   * Runs the extension's action with these context values (attributes the location does not provide
   * are ignored). A part number generator is asked with a request made of the context.
   */
  public ActionResult run(User me, UUID extensionId, Map<ReplacementAttribute, String> context) {
    Extension extension = visible(me, extensionId);
    if (extension.location() == ExtensionLocation.PART_NUMBER_GENERATOR) {
      return generatePartNumber(me, extension, PartNumberBodies.fromContext(context));
    }
    ActionType type = extension.effectiveActionType();
    if (type == null || !type.calledByPortico()) {
      return ActionResult.failed(
          Kind.NOT_CALLED_BY_PORTICO,
          type == null
              ? "This extension is an embedded page: the browser shows it, Portico calls nothing."
              : "This action opens in a new window: the browser opens it, Portico calls nothing.");
    }
    Application app = application(extension);
    String url =
        ActionTemplates.resolveUrl(
            extension.actionUrl(), extension.location(), context, defaults(me, app));
    String template = extension.actionBody();
    String body =
        type == ActionType.POST && template != null && !template.isBlank()
            ? ActionTemplates.resolveBody(template, context)
            : null;
    return call(me, app, type.name(), url, body);
  }

  /**
   * Asks the extension, a {@code PART_NUMBER_GENERATOR}, for a part number: POSTs exactly {@code
   * {id, documentId, elementId, workspaceId, elementType, partId, companyId, partNumber,
   * configuration, categories[]}} and accepts an answer only with string {@code id} and {@code
   * partNumber} (EXT-3a).
   */
  public ActionResult generatePartNumber(User me, UUID extensionId, PartNumberRequest request) {
    return generatePartNumber(me, visible(me, extensionId), request);
  }

  private ActionResult generatePartNumber(User me, Extension extension, PartNumberRequest request) {
    if (extension.location() != ExtensionLocation.PART_NUMBER_GENERATOR) {
      return ActionResult.failed(
          Kind.NOT_CALLED_BY_PORTICO, "This extension is not a part number generator.");
    }
    PartNumberBodies.check(request);
    Application app = application(extension);
    String url =
        ActionTemplates.resolveUrl(
            extension.actionUrl(), extension.location(), Map.of(), defaults(me, app));
    String body = json.writeValueAsString(PartNumberBodies.body(request, companyOf(me)));
    return ActionAnswers.partNumber(call(me, app, "POST", url, body));
  }

  /** The extension, if the user may see it; {@link NotFound} otherwise. */
  private Extension visible(User me, UUID extensionId) {
    Extension extension = extensions.find(extensionId).orElseThrow(() -> new NotFound("Extension"));
    Application app = application(extension);
    if (!assignments.mayUse(me.id(), app.id()) && access.roleOf(me, app).isEmpty()) {
      throw new NotFound("Extension");
    }
    return extension;
  }

  private Application application(Extension extension) {
    return applications
        .application(extension.applicationId())
        .orElseThrow(() -> new NotFound("Extension"));
  }

  /**
   * Makes the call: with the user's External OAuth token when the app has External OAuth (asking
   * for the grant when the user has none), without Authorization when it has none.
   */
  private ActionResult call(
      User me, Application app, String method, String url, @Nullable String body) {
    String token = null;
    if (oauthSettings.externalOAuth(app.id()).isPresent()) {
      Optional<String> granted = externalAccess.accessToken(me.id(), app.id());
      if (granted.isEmpty()) {
        return ActionResult.grantRequired(externalAccess.grantPath(app.id()));
      }
      token = granted.get();
    }
    Optional<String> problem = ActionTemplates.urlProblem(url);
    if (problem.isPresent()) {
      return ActionResult.failed(
          Kind.INVALID_URL, "The resolved action URL " + problem.get() + ".");
    }
    try {
      return ActionAnswers.interpret(
          http.send(new ActionHttpClient.Call(method, URI.create(url), body, token)), json);
    } catch (IllegalArgumentException e) {
      return ActionResult.failed(Kind.INVALID_URL, "The resolved action URL is not a valid URL.");
    } catch (ActionCallFailed e) {
      return ActionAnswers.failure(e);
    }
  }

  private ActionTemplates.DefaultParameters defaults(User me, Application app) {
    return new ActionTemplates.DefaultParameters(
        server(),
        companyOf(me),
        me.id().toString(),
        LocaleContextHolder.getLocale().toLanguageTag(),
        app.clientId());
  }

  /** The user's company id, {@code cad} outside a company (EXT-3). */
  private static String companyOf(User me) {
    UUID company = me.companyId();
    return company == null ? "cad" : company.toString();
  }

  /** Portico's base URL: the configured one, else the request's own. */
  private String server() {
    if (!baseUrl.isEmpty()) {
      return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
    if (RequestContextHolder.getRequestAttributes() == null) {
      return "";
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}
