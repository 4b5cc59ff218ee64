package dev.portico.extensions.web;

import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionDraft;
import dev.portico.extensions.ExtensionManagement;
import dev.portico.extensions.ExtensionRules;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An app's extensions over REST (SPEC §13, EXT-1..EXT-4, EXT-6), for its managers and editors;
 * anyone else gets 404, as for an app that does not exist, and an extension of another app is 404
 * too. Bodies are JSON (the icon as a base64 {@code data:} URL in {@code icon}) or {@code
 * multipart/form-data} (the icon as the file part {@code icon}). Every broken rule is a 422 at its
 * field, and nothing is stored.
 */
@RestController
@Tag(name = "Extensions", description = "Where an OAuth application appears inside Portico")
class ExtensionsRestController {

  private static final String LIST = "/api/developer/applications/{appId}/extensions";
  private static final String ONE = LIST + "/{extId}";

  private final ApplicationAccess access;
  private final ExtensionManagement extensions;
  private final JsonMapper json;

  ExtensionsRestController(
      ApplicationAccess access, ExtensionManagement extensions, JsonMapper json) {
    Assert.notNull(access, "access cannot be null");
    Assert.notNull(extensions, "extensions cannot be null");
    Assert.notNull(json, "json cannot be null");
    this.access = access;
    this.extensions = extensions;
    this.json = json;
  }

  @GetMapping(LIST)
  @ResponseStatus(HttpStatus.OK)
  @Operation(summary = "List the app's extensions by name (managers and editors)")
  ResultPage<ExtensionBody> listExtensions(
      ApiCaller caller,
      @PathVariable UUID appId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    Application app = access.require(caller, appId).application();
    return extensions
        .extensions(app.id(), new ResultPage.Request(page, size))
        .map(ExtensionBody::of);
  }

  @PostMapping(
      path = LIST,
      consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Add an extension to the app (managers and editors)",
      description =
          "Every EXT-2/EXT-3/EXT-4 rule is reported at its field (422); a second element tab or"
              + " part number generator of the app is a 422 on `location`, also when two"
              + " requests race.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ExtensionInput.Fields.class)),
                @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ExtensionInput.Upload.class))
              }))
  ResponseEntity<ExtensionBody> addExtension(
      ApiCaller caller, @PathVariable UUID appId, HttpServletRequest request) {
    Application app = access.require(caller, appId).application();
    ExtensionInput input = read(request);
    ExtensionDraft draft = checked(input, ExtensionInput.empty());
    Extension added = extensions.add(Actors.of(caller, request), app, draft, input.icon());
    return ResponseEntity.created(
            URI.create(LIST.replace("{appId}", app.id().toString()) + "/" + added.id()))
        .body(ExtensionBody.of(added));
  }

  @GetMapping(ONE)
  @ResponseStatus(HttpStatus.OK)
  @Operation(summary = "Read one of the app's extensions (managers and editors)")
  ExtensionBody showExtension(
      ApiCaller caller, @PathVariable UUID appId, @PathVariable UUID extId) {
    Application app = access.require(caller, appId).application();
    return ExtensionBody.of(extensions.extension(app, extId));
  }

  @PatchMapping(
      path = ONE,
      consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
  @ResponseStatus(HttpStatus.OK)
  @Operation(
      summary = "Change an extension (managers and editors)",
      description =
          "Only the fields given change; `null` clears a field (a required one is then a 422),"
              + " `\"icon\": null` removes the icon. The result is checked as a whole: all or"
              + " nothing.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ExtensionInput.Fields.class)),
                @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ExtensionInput.Upload.class))
              }))
  ExtensionBody changeExtension(
      ApiCaller caller,
      @PathVariable UUID appId,
      @PathVariable UUID extId,
      HttpServletRequest request) {
    Application app = access.require(caller, appId).application();
    Extension current = extensions.extension(app, extId);
    ExtensionInput input = read(request);
    ExtensionDraft draft = checked(input, ExtensionDraft.of(current));
    return ExtensionBody.of(
        extensions.update(Actors.of(caller, request), app, current.id(), draft, input.icon()));
  }

  @DeleteMapping(ONE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove an extension, with its icon (managers and editors)")
  ResponseEntity<Void> removeExtension(
      ApiCaller caller,
      @PathVariable UUID appId,
      @PathVariable UUID extId,
      HttpServletRequest request) {
    Application app = access.require(caller, appId).application();
    extensions.remove(Actors.of(caller, request), app, extensions.extension(app, extId).id());
    return ResponseEntity.noContent().build();
  }

  /** The draft, or every unreadable value and broken rule at once. */
  private static ExtensionDraft checked(ExtensionInput input, ExtensionDraft current) {
    ExtensionDraft draft = input.over(current);
    if (!input.problems().isEmpty()) {
      List<FieldViolation> all = new ArrayList<>(input.problems());
      ExtensionRules.check(draft).stream()
          .filter(v -> input.problems().stream().noneMatch(p -> p.field().equals(v.field())))
          .forEach(all::add);
      throw new InvalidInput(all);
    }
    return draft;
  }

  /**
   * The body, JSON or multipart. JSON is read as a tree first, because only the tree says whether a
   * field was left out or sent as {@code null}; anything unreadable is the usual 400.
   */
  private ExtensionInput read(HttpServletRequest request) {
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      return ExtensionInput.ofMultipart(multipart);
    }
    try {
      JsonNode tree = json.readTree(request.getInputStream());
      if (tree == null || !tree.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return ExtensionInput.ofJson(tree, json);
    } catch (JacksonException | IllegalArgumentException | IOException e) {
      throw new HttpMessageNotReadableException(
          "The body is not an extension", e, new ServletServerHttpRequest(request));
    }
  }
}
