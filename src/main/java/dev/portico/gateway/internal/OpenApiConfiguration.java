package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Objects;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description of {@code /api/**} at {@code /v3/api-docs} and its Swagger UI (SPEC
 * §13): info, the two API-key credentials as security schemes on every operation (API-1, KEY-5,
 * KEY-6), the scope each method needs, and the error answers of every operation ({@link
 * ProblemResponses}). Controllers add their own tags and summaries, and the error answers that only
 * they know of (409).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String BASIC = "basicApiKey";
  static final String SIGNED = "signedApiKey";

  static {
    // The caller is resolved from the credential, never sent as a parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiCaller.class);
  }

  @Bean
  OpenAPI porticoOpenApi() {
    String version =
        Objects.requireNonNullElse(
            OpenApiConfiguration.class.getPackage().getImplementationVersion(), "development");
    return new OpenAPI()
        .info(
            new Info()
                .title("Portico")
                .version(version)
                .description(
                    "Developer settings and provisioning API of Portico. Every `/api/**` request"
                        + " is authenticated with an API key (signed or Basic); `GET` needs the"
                        + " scope `OAuth2Read`, `POST`/`PUT`/`PATCH` `OAuth2Write`, `DELETE`"
                        + " `OAuth2Delete`. Errors are RFC 9457 problem details"
                        + " (`application/problem+json`) with `errors[]` of `{field, message}`"
                        + " for invalid input. `{accountId}` may be `me`: the caller's personal"
                        + " account.")
                .license(
                    new License()
                        .name("Apache-2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0")))
        // Relative: the API is on the host the document was fetched from (a key works on the
        // stack it was created on only, KEY-2), never a generated localhost URL.
        .addServersItem(new Server().url("/").description("This Portico stack"))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description(
                            "API key as HTTP Basic (KEY-6): `Authorization: Basic"
                                + " base64(accessKey:secretKey)`. The least secure option: the"
                                + " secret travels with every request."))
                .addSecuritySchemes(
                    SIGNED,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("Authorization")
                        .description(SIGNED_DESCRIPTION)));
  }

  /** Every API operation accepts either credential, and says which scope it needs. */
  @Bean
  OpenApiCustomizer apiKeySecurity() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                if (path.startsWith("/api/")) {
                  item.readOperationsMap().forEach((method, op) -> secure(path, method, op));
                }
              });
    };
  }

  /** 400, 401, 403, 404, 413, 415, 422 and 429 of every operation, from its method and path. */
  @Bean
  OpenApiCustomizer problemResponses() {
    return new ProblemResponses();
  }

  private static void secure(String path, PathItem.HttpMethod method, Operation operation) {
    if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
      return; // declared by its controller: GET /api/extensions takes the console session only
    }
    operation
        .addSecurityItem(new SecurityRequirement().addList(SIGNED))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
    String note =
        ProblemResponses.SCOPE_FREE.contains(method.name() + " " + path)
            ? "Any valid credential, whatever its scopes."
            : "Requires the scope `"
                + ApiSecurityConfiguration.requiredScope(method.name()).name()
                + "`.";
    operation.setDescription(
        operation.getDescription() == null ? note : operation.getDescription() + "\n\n" + note);
  }

  private static final String SIGNED_DESCRIPTION =
      """
      Signed API-key request (KEY-5), wire-compatible with the reference platform. Send the \
      headers `Date` (RFC 1123, within ±5 minutes of server time), `On-Nonce` (at least 16 \
      characters of `[A-Za-z0-9]`, never used before), `Content-Type`, and \
      `Authorization: On <accessKey>:HmacSHA256:<signature>` where \
      `signature = Base64(HMAC-SHA256(secretKey, lower(method + "\\n" + nonce + "\\n" + date + \
      "\\n" + contentType + "\\n" + path + "\\n" + query + "\\n")))`, `path` and `query` being the \
      raw (still percent-encoded) path and query string, `query` empty when there is none. \
      Swagger UI cannot compute the signature: paste a complete header value to try a request.\
      """;
}
