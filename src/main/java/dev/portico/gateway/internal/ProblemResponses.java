package dev.portico.gateway.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the error answers of every {@code /api/**} operation from what the code does, so that
 * an endpoint added later gets them without annotations of its own:
 *
 * <ul>
 *   <li>everywhere: 401 (no valid credential) and 429 (rate limit), in the gateway's shape;
 *   <li>wherever a scope is needed (all but {@code sessioninfo}): 403;
 *   <li>a path with ids ({@code {…}}): 404, not yours to see or no such thing;
 *   <li>parameters or a request body: 400 (a value that does not convert, malformed JSON);
 *   <li>a request body: 413, 415 and 422 (a field breaks a rule).
 * </ul>
 *
 * What differs (409 for a state conflict, 404 of operator-only paths without ids) is declared on
 * the operation with {@code @ApiResponse(responseCode = "409", description = …)}; any 4xx response
 * left without content gets the problem schema here. Problem responses are RFC 9457 {@code
 * application/problem+json} ({@link #PROBLEM}); 401, 403 and 429 come from the security chain in
 * the reference platform's shape ({@link #API_ERROR}, {@code application/json}, KEY-7).
 */
final class ProblemResponses implements OpenApiCustomizer {

  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";
  static final String API_ERROR = "ApiError";

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String JSON = "application/json";

  /** Operations the security chain lets through with any valid credential, whatever its scopes. */
  static final Set<String> SCOPE_FREE = Set.of("GET /api/users/sessioninfo");

  @Override
  public void customise(OpenAPI openApi) {
    Components components = openApi.getComponents();
    if (components == null) {
      components = new Components();
      openApi.setComponents(components);
    }
    components
        .addSchemas(FIELD_ERROR, fieldErrorSchema())
        .addSchemas(PROBLEM, problemSchema())
        .addSchemas(API_ERROR, apiErrorSchema());
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, op) -> document(path, method, op));
              }
            });
  }

  private static void document(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    boolean body = operation.getRequestBody() != null;
    boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
    if (body || parameters) {
      add(
          responses,
          "400",
          "A parameter that does not convert (`invalid-parameter`) or a body that is not JSON of"
              + " the documented shape (`malformed-body`); `errors[]` names the field.");
    }
    add(
        responses,
        "401",
        "No valid API credential: missing, wrong, outside the time window, a nonce used before,"
            + " or a key of another stack (`reason` says which).");
    if (!SCOPE_FREE.contains(method.name() + " " + path)) {
      add(responses, "403", "The credential lacks the scope this method needs (`requiredScope`).");
    }
    if (path.contains("{")) {
      add(
          responses,
          "404",
          "No such thing, or not the caller's to see: the two answers are the same (`not-found`).");
    }
    if (body) {
      add(responses, "413", "The body is larger than the limit (`payload-too-large`).");
      add(responses, "415", "The body is not `application/json`.");
      add(
          responses,
          "422",
          "A field breaks a rule (`invalid-input`); `errors[]` names every offending field.");
    }
    add(responses, "429", "Too many requests for this key; retry after `Retry-After` seconds.");
    // Every 4xx of this server has one of the two shapes, also where an annotation declared the
    // response (springdoc would give it the success body's schema).
    responses.forEach(
        (code, response) -> {
          if (code.startsWith("4")) {
            response.setContent(content(code));
            if ("429".equals(code)) {
              response.addHeaderObject(
                  "Retry-After",
                  new Header()
                      .description("Seconds to wait before the next request")
                      .schema(type("integer")));
            }
          }
        });
  }

  private static void add(ApiResponses responses, String code, String description) {
    if (!responses.containsKey(code)) {
      responses.addApiResponse(code, new ApiResponse().description(description));
    }
  }

  /** 401, 403 and 429 are written by the security chain; everything else is a problem. */
  private static Content content(String code) {
    boolean gateway = Set.of("401", "403", "429").contains(code);
    return new Content()
        .addMediaType(
            gateway ? JSON : PROBLEM_JSON,
            new MediaType().schema(ref(gateway ? API_ERROR : PROBLEM)));
  }

  private static Schema<Object> problemSchema() {
    return object(
            "An RFC 9457 problem; `type` is stable per problem, invalid input adds `errors[]`.",
            List.of("type", "title", "status", "detail"))
        .addProperty(
            "type",
            type("string")
                .format("uri")
                .example("https://portico.dev/problems/invalid-input")
                .description("Stable per problem, under `https://portico.dev/problems/`"))
        .addProperty("title", type("string").example("Invalid input"))
        .addProperty("status", type("integer").example(422))
        .addProperty("detail", type("string").example("One or more fields are invalid."))
        .addProperty("instance", type("string").format("uri-reference"))
        .addProperty(
            "errors",
            type("array")
                .items(ref(FIELD_ERROR))
                .description("For invalid input: every offending field"));
  }

  private static Schema<Object> fieldErrorSchema() {
    return object("One invalid field; its value is never echoed.", List.of("field", "message"))
        .addProperty("field", type("string").example("email"))
        .addProperty(
            "message", type("string").example("must be an email address such as name@example.com"));
  }

  private static Schema<Object> apiErrorSchema() {
    return object(
            "An error of the security chain, in the reference platform's shape.",
            List.of("message", "status"))
        .addProperty("message", type("string").example("Unauthenticated API request"))
        .addProperty("status", type("integer").example(401))
        .addProperty(
            "reason",
            type("string")
                .example("missing_credentials")
                .description("401 only: why the credential was refused"))
        .addProperty(
            "requiredScope",
            type("string").example("OAuth2Write").description("403 only: the scope needed"));
  }

  private static Schema<Object> object(String description, List<String> required) {
    Schema<Object> schema = type("object").description(description);
    schema.setRequired(required);
    return schema;
  }

  private static Schema<Object> type(String type) {
    Schema<Object> schema = new Schema<>();
    schema.setType(type);
    schema.setTypes(Set.of(type));
    return schema;
  }

  private static Schema<Object> ref(String name) {
    return new Schema<>().$ref("#/components/schemas/" + name);
  }
}
