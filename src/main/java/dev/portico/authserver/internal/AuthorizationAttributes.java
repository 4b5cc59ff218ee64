package dev.portico.authserver.internal;

import java.net.URL;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes what an authorization needs to complete its flow as JSON, without Spring Security's
 * polymorphic Jackson modules (which would let stored text name classes to build): the {@link
 * OAuth2AuthorizationRequest} (client id, redirect URI, scopes, the client's {@code state}, PKCE
 * challenge and other parameters), the principal's <em>name</em>, and plain values (text, numbers,
 * booleans, lists of text). The server-made consent {@code state} attribute is not encoded: it is
 * stored as a hash in its own column. Any other kind of attribute is refused, so that nothing is
 * dropped silently.
 *
 * <p>The principal comes back as an authenticated {@link UsernamePasswordAuthenticationToken} with
 * that name and no authorities: what the token endpoint needs (the {@code sub} of a token). Whoever
 * needs more about the user reads it from the accounts module by that name.
 */
public final class AuthorizationAttributes {

  private static final String PRINCIPAL = Principal.class.getName();
  private static final String REQUEST = OAuth2AuthorizationRequest.class.getName();
  private static final String INSTANT = "$instant";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AuthorizationAttributes() {}

  /** JSON of the attributes, without the consent state. */
  public static String encode(Map<String, Object> attributes) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    attributes.forEach(
        (name, value) -> {
          if (name.equals(OAuth2ParameterNames.STATE)) {
            return;
          }
          if (name.equals(PRINCIPAL) && value instanceof Principal principal) {
            out.put("principal", principal.getName());
          } else if (name.equals(REQUEST) && value instanceof OAuth2AuthorizationRequest request) {
            out.put("request", request(request));
          } else {
            values.put(name, plain(name, value));
          }
        });
    out.put("values", values);
    return JSON.writeValueAsString(out);
  }

  /** The attributes the JSON holds (without the consent state). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> decode(String json) {
    Map<String, Object> in = JSON.readValue(json, Map.class);
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (in.get("principal") instanceof String name) {
      attributes.put(
          PRINCIPAL,
          UsernamePasswordAuthenticationToken.authenticated(
              name, null, AuthorityUtils.NO_AUTHORITIES));
    }
    if (in.get("request") instanceof Map<?, ?> request) {
      attributes.put(REQUEST, request((Map<String, Object>) request));
    }
    if (in.get("values") instanceof Map<?, ?> values) {
      values.forEach((name, value) -> attributes.put((String) name, fromPlain(value)));
    }
    return attributes;
  }

  /** JSON of a token's claims (those of an opaque access token, for introspection). */
  public static String encodeClaims(Map<String, Object> claims) {
    Map<String, Object> out = new LinkedHashMap<>();
    claims.forEach((name, value) -> out.put(name, plain(name, value)));
    return JSON.writeValueAsString(out);
  }

  /** The claims the JSON holds. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> decodeClaims(String json) {
    Map<String, Object> in = JSON.readValue(json, Map.class);
    Map<String, Object> claims = new LinkedHashMap<>();
    in.forEach((name, value) -> claims.put(name, fromPlain(value)));
    return claims;
  }

  private static Map<String, Object> request(OAuth2AuthorizationRequest request) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("authorizationUri", request.getAuthorizationUri());
    out.put("clientId", request.getClientId());
    out.put("redirectUri", request.getRedirectUri());
    out.put("scopes", List.copyOf(request.getScopes()));
    out.put("state", request.getState());
    out.put("authorizationRequestUri", request.getAuthorizationRequestUri());
    Map<String, Object> parameters = new LinkedHashMap<>();
    request.getAdditionalParameters().forEach((k, v) -> parameters.put(k, plain(k, v)));
    out.put("additionalParameters", parameters);
    Map<String, Object> attributes = new LinkedHashMap<>();
    request.getAttributes().forEach((k, v) -> attributes.put(k, plain(k, v)));
    out.put("attributes", attributes);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static OAuth2AuthorizationRequest request(Map<String, Object> in) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (in.get("additionalParameters") instanceof Map<?, ?> p) {
      ((Map<String, Object>) p).forEach((k, v) -> parameters.put(k, fromPlain(v)));
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (in.get("attributes") instanceof Map<?, ?> a) {
      ((Map<String, Object>) a).forEach((k, v) -> attributes.put(k, fromPlain(v)));
    }
    List<String> scopes =
        in.get("scopes") instanceof List<?> s ? (List<String>) s : List.<String>of();
    OAuth2AuthorizationRequest.Builder builder =
        OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri((String) in.get("authorizationUri"))
            .clientId((String) in.get("clientId"))
            .redirectUri(text(in.get("redirectUri")))
            .scopes(new LinkedHashSet<>(scopes))
            .state(text(in.get("state")))
            .additionalParameters(parameters)
            .attributes(attributes);
    String uri = text(in.get("authorizationRequestUri"));
    if (uri != null) {
      builder.authorizationRequestUri(uri);
    }
    return builder.build();
  }

  private static @Nullable String text(@Nullable Object value) {
    return value instanceof String s ? s : null;
  }

  private static Object plain(String name, @Nullable Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long) {
      return value == null ? "" : value;
    }
    if (value instanceof Instant instant) {
      return Map.of(INSTANT, instant.toString());
    }
    if (value instanceof URL url) {
      return url.toExternalForm();
    }
    if (value instanceof String[] strings) {
      return List.of(strings);
    }
    if (value instanceof Collection<?> collection) {
      List<String> strings = new ArrayList<>();
      for (Object element : collection) {
        if (!(element instanceof String s)) {
          throw new IllegalArgumentException("Cannot store attribute " + name);
        }
        strings.add(s);
      }
      return strings;
    }
    throw new IllegalArgumentException(
        "Cannot store attribute " + name + " of type " + value.getClass().getName());
  }

  private static Object fromPlain(Object value) {
    if (value instanceof Map<?, ?> map && map.get(INSTANT) instanceof String instant) {
      return Instant.parse(instant);
    }
    if (value instanceof List<?> list) {
      return List.copyOf(list);
    }
    return value;
  }
}
