package dev.portico.extensions.web;

import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.ConsoleUser;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.extensions.ExtensionQuery;
import dev.portico.extensions.ExtensionVisibility;
import dev.portico.system.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The extensions a user sees (EXT-5): for the signed-in console user ({@code GET /api/extensions},
 * on its own session chain), and for an API caller acting for the user ({@code GET
 * /api/applications/extensions/user/{uid}/client/{cid}}, API-2). Context values are query
 * parameters named after the replacement attributes ({@code documentId=…&elementId=…}).
 */
@RestController
@Tag(name = "Visible extensions", description = "The extensions a user sees (EXT-5)")
@SecurityScheme(
    name = ExtensionsApiController.CONSOLE_SESSION,
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.COOKIE,
    paramName = "PORTICO_SESSION",
    description =
        "The console's session cookie. Only `GET /api/extensions` takes it; every other"
            + " `/api/**` path refuses it (API-1).")
class ExtensionsApiController {

  static final String CONSOLE_SESSION = "consoleSession";

  private static final String ATTRIBUTES =
      " Context values are query parameters named after the replacement attributes"
          + " (`documentId`, `workspaceId`, `elementId`, `partId`, … as in EXT-3); a value left out"
          + " resolves to empty. `companyId` and `sessionCompanyId` default to the user's company"
          + " (`cad` outside one).";

  private final ExtensionVisibility visibility;
  private final ExtensionQueries queries;
  private final ApplicationDirectory directory;

  ExtensionsApiController(
      ExtensionVisibility visibility, ExtensionQueries queries, ApplicationDirectory directory) {
    this.visibility = visibility;
    this.queries = queries;
    this.directory = directory;
  }

  @GetMapping("/api/extensions")
  @Operation(
      summary = "The signed-in console user's extensions at a location (console session only)",
      description =
          "The extensions of the apps assigned to the user (SHR-3; later also those subscribed in"
              + " the store), filtered by `location` and `context` when given, by application and"
              + " extension name, as `{items: […]}`. Authenticated by the console session cookie"
              + " only: API keys and Bearer tokens are not taken here, and a request without a"
              + " session gets 401 (a problem body), never a redirect."
              + ATTRIBUTES,
      security = @SecurityRequirement(name = CONSOLE_SESSION))
  @ApiResponse(responseCode = "200", description = "The extensions, possibly none")
  @ApiResponse(
      responseCode = "422",
      description =
          "An unknown location or context, a context"
              + " the location does not have, or a context value over 1000 characters")
  VisibleExtensionBody.Items consoleExtensions(
      @Parameter(schema = @Schema(implementation = dev.portico.extensions.ExtensionLocation.class))
          @RequestParam(required = false)
          @Nullable String location,
      @Parameter(schema = @Schema(implementation = dev.portico.extensions.ExtensionContext.class))
          @RequestParam(required = false)
          @Nullable String context,
      HttpServletRequest request) {
    ExtensionQuery query = queries.read(request, location, context, null);
    return new VisibleExtensionBody.Items(
        VisibleExtensionBody.of(visibility.visibleTo(consoleUser(), query)));
  }

  @GetMapping("/api/applications/extensions/user/{uid}/client/{cid}")
  @Operation(
      summary = "The extensions of one app that a user may see (API-2)",
      description =
          "A JSON array, as on the reference platform. Only for a caller acting for user `uid`:"
              + " a Bearer token of app `cid` for that user, or an API key of that user. Anyone"
              + " else (another user's id, another app's token) gets 404, exactly like an"
              + " unknown app. Empty when the app is not assigned to the user."
              + ATTRIBUTES)
  @ApiResponse(
      responseCode = "200",
      description = "The extensions, possibly none",
      content =
          @Content(
              array = @ArraySchema(schema = @Schema(implementation = VisibleExtensionBody.class))))
  @ApiResponse(
      responseCode = "422",
      description = "An unknown location or context, or a context" + " value over 1000 characters")
  List<VisibleExtensionBody> applicationExtensions(
      ApiCaller caller,
      @PathVariable UUID uid,
      @PathVariable String cid,
      @Parameter(
              in = ParameterIn.QUERY,
              schema = @Schema(implementation = dev.portico.extensions.ExtensionLocation.class))
          @RequestParam(required = false)
          @Nullable String location,
      @Parameter(
              in = ParameterIn.QUERY,
              schema = @Schema(implementation = dev.portico.extensions.ExtensionContext.class))
          @RequestParam(required = false)
          @Nullable String context,
      HttpServletRequest request) {
    Application app = actingFor(caller, uid, cid);
    ExtensionQuery query = queries.read(request, location, context, app.id());
    return VisibleExtensionBody.of(visibility.visibleTo(uid, query));
  }

  /**
   * The app, when the caller acts for the user: the user's own API key, or a Bearer token of this
   * very app for them. Decided from the credential before anything is looked up, so an answer says
   * nothing of other users or apps.
   */
  private Application actingFor(ApiCaller caller, UUID uid, String cid) {
    boolean forUser = caller.userId().equals(uid);
    boolean viaApp =
        caller.credential() != ApiCaller.Credential.BEARER || cid.equals(caller.clientId());
    if (!forUser || !viaApp) {
      throw new NotFound("Application");
    }
    return directory.byClientId(cid).orElseThrow(() -> new NotFound("Application"));
  }

  /** The chain let only a console user through ({@code internal.ExtensionsSessionSecurity}). */
  private static UUID consoleUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ConsoleUser user) {
      return user.userId();
    }
    throw new NotFound("User");
  }
}
