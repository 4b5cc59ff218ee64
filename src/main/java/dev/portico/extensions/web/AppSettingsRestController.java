package dev.portico.extensions.web;

import dev.portico.accounts.ApiCaller;
import dev.portico.extensions.AppSettingsStore;
import dev.portico.extensions.SettingOwner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An app's settings store over REST (API-2), in the reference platform's shapes: per user ({@code
 * /settings/users/{uid}}: only a Bearer token of app {@code cid} for that very user) and per
 * company ({@code /settings/companies/{cpid}}: that app's tokens of the company's members read, of
 * its admins write; a company admin's API key does both). Everyone else gets 404. The rules and
 * limits are {@link AppSettingsStore}'s; the body is at most {@value #MAX_BODY} bytes.
 */
@RestController
@Tag(name = "App settings", description = "An app's small key/value store per user and company")
class AppSettingsRestController {

  static final int MAX_BODY = 64 * 1024;

  private static final String USER = "/api/applications/clients/{cid}/settings/users/{uid}";
  private static final String COMPANY = "/api/applications/clients/{cid}/settings/companies/{cpid}";

  private static final String USER_RULE =
      " Only with a Bearer token of app `cid` whose user is `uid`; anyone else gets 404.";
  private static final String COMPANY_RULE =
      " A Bearer token of app `cid` whose user is a member of company `cpid` may read, one of"
          + " its admins also write and delete; an admin of the company may do all three with"
          + " their own API key. Anyone else gets 404.";
  private static final String KEYS =
      "Only these keys: repeat the parameter (`key=a&key=b`) or separate them with commas.";
  private static final String LIMITS =
      " Upsert: the keys sent are set, the others stay. At most 100 keys per owner and app, keys of"
          + " 1 to 100 `[A-Za-z0-9._-]`, values of at most 10 KiB as JSON, bodies of at most 64"
          + " KiB; any broken rule answers 422 at its field (`settings[2].key`) and stores"
          + " nothing. Answers the owner's settings after the change.";

  private final AppSettingsStore store;
  private final JsonMapper json;

  AppSettingsRestController(AppSettingsStore store, JsonMapper json) {
    this.store = store;
    this.json = json;
  }

  @GetMapping(USER)
  @Operation(summary = "A user's settings of an app", description = "By key." + USER_RULE)
  @ApiResponse(
      responseCode = "200",
      description = "The settings asked for (all of them without `key`)")
  @ApiResponse(responseCode = "422", description = "A `key` that breaks the key rule (`key[1]`)")
  SettingsBodies.Settings userSettings(
      ApiCaller caller,
      @PathVariable String cid,
      @PathVariable UUID uid,
      @Parameter(description = KEYS) @RequestParam(name = "key", required = false)
          @Nullable List<String> key) {
    return SettingsBodies.Settings.of(store.read(caller, cid, SettingOwner.user(uid), key));
  }

  @PostMapping(
      path = USER,
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
  @Operation(summary = "Set some of a user's settings of an app", description = LIMITS + USER_RULE)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = SettingsBodies.Change.class)))
  SettingsBodies.Settings changeUserSettings(
      ApiCaller caller,
      @PathVariable String cid,
      @PathVariable UUID uid,
      @RequestBody byte[] body,
      HttpServletRequest request) {
    return write(caller, cid, SettingOwner.user(uid), body, request);
  }

  @DeleteMapping(USER)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Remove some (or all) of a user's settings of an app",
      description = "Without `key`, every setting of the user for the app goes." + USER_RULE)
  @ApiResponse(responseCode = "204", description = "Removed (also when there was nothing)")
  @ApiResponse(responseCode = "422", description = "A `key` that breaks the key rule (`key[1]`)")
  void deleteUserSettings(
      ApiCaller caller,
      @PathVariable String cid,
      @PathVariable UUID uid,
      @Parameter(description = KEYS) @RequestParam(name = "key", required = false)
          @Nullable List<String> key) {
    store.delete(caller, cid, SettingOwner.user(uid), key);
  }

  @GetMapping(COMPANY)
  @Operation(summary = "A company's settings of an app", description = "By key." + COMPANY_RULE)
  @ApiResponse(
      responseCode = "200",
      description = "The settings asked for (all of them without `key`)")
  @ApiResponse(responseCode = "422", description = "A `key` that breaks the key rule (`key[1]`)")
  SettingsBodies.Settings companySettings(
      ApiCaller caller,
      @PathVariable String cid,
      @PathVariable UUID cpid,
      @Parameter(description = KEYS) @RequestParam(name = "key", required = false)
          @Nullable List<String> key) {
    return SettingsBodies.Settings.of(store.read(caller, cid, SettingOwner.company(cpid), key));
  }

  @PostMapping(
      path = COMPANY,
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
  @Operation(
      summary = "Set some of a company's settings of an app",
      description = LIMITS + COMPANY_RULE)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = SettingsBodies.Change.class)))
  SettingsBodies.Settings changeCompanySettings(
      ApiCaller caller,
      @PathVariable String cid,
      @PathVariable UUID cpid,
      @RequestBody byte[] body,
      HttpServletRequest request) {
    return write(caller, cid, SettingOwner.company(cpid), body, request);
  }

  @DeleteMapping(COMPANY)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Remove some (or all) of a company's settings of an app",
      description = "Without `key`, every setting of the company for the app goes." + COMPANY_RULE)
  @ApiResponse(responseCode = "204", description = "Removed (also when there was nothing)")
  @ApiResponse(responseCode = "422", description = "A `key` that breaks the key rule (`key[1]`)")
  void deleteCompanySettings(
      ApiCaller caller,
      @PathVariable String cid,
      @PathVariable UUID cpid,
      @Parameter(description = KEYS) @RequestParam(name = "key", required = false)
          @Nullable List<String> key) {
    store.delete(caller, cid, SettingOwner.company(cpid), key);
  }

  private SettingsBodies.Settings write(
      ApiCaller caller, String cid, SettingOwner owner, byte[] body, HttpServletRequest request) {
    if (body.length > MAX_BODY) {
      throw new SettingsBodyTooLarge();
    }
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (JacksonException e) {
      throw new HttpMessageNotReadableException(
          "The body is not JSON", e, new ServletServerHttpRequest(request));
    }
    return SettingsBodies.Settings.of(
        store.write(caller, cid, owner, SettingsBodies.entries(tree, json)));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> tooLarge(SettingsBodyTooLarge ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE, "A settings body is at most " + MAX_BODY + " bytes.");
    problem.setType(URI.create("https://portico.dev/problems/payload-too-large"));
    problem.setTitle("Payload too large");
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** A settings body over {@link #MAX_BODY}: refused before it is parsed. */
  static final class SettingsBodyTooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SettingsBodyTooLarge() {
      super("settings body too large", null, false, false);
    }
  }
}
