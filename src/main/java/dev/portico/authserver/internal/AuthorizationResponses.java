package dev.portico.authserver.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The authorization endpoint's answers (RFC 6749 §4.1.2), as the stock handlers give them, plus:
 *
 * <ul>
 *   <li>for {@code redirect_uri=urn:ietf:wg:oauth:2.0:oob} (an app that cannot receive a redirect)
 *       a page instead of a redirect, whose {@code <title>} is {@code Success code=<code>} or
 *       {@code Error description=<text>} (OAU-2), never cached;
 *   <li>an error that must not redirect (unknown client, unregistered redirect URI) is the
 *       console's error page saying what is wrong, with status 400;
 *   <li>a denial ({@code access_denied}) carries a description people can read.
 * </ul>
 *
 * The pages are rendered here, inside the authorization server's chain, so that they need no second
 * request (a code never travels in a URL of Portico's).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
final class AuthorizationResponses {

  /**
   * The redirect URI of apps that show the code for the user to copy (RFC 8252 §7.1's ancestor).
   */
  static final String OOB = "urn:ietf:wg:oauth:2.0:oob";

  private final ViewResolver views;
  private final RedirectStrategy redirects = new DefaultRedirectStrategy();

  AuthorizationResponses(ViewResolver views) {
    this.views = views;
  }

  /** The code: on the redirect URI with the client's {@code state}, or the oob page. */
  void sendCode(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    OAuth2AuthorizationCodeRequestAuthenticationToken issued =
        (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
    String code = issued.getAuthorizationCode().getTokenValue();
    if (OOB.equals(issued.getRedirectUri())) {
      render(request, response, HttpStatus.OK, "authserver/oob", Map.of("code", code));
      return;
    }
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromUriString(issued.getRedirectUri())
            .queryParam(OAuth2ParameterNames.CODE, encode(code));
    withState(uri, issued.getState());
    redirects.sendRedirect(request, response, uri.build(true).toUriString());
  }

  /** An error: on the redirect URI when it was checked, else the oob page or an error page. */
  void sendError(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
    OAuth2AuthorizationCodeRequestAuthenticationToken asked =
        exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException e
            ? e.getAuthorizationCodeRequestAuthentication()
            : null;
    String redirectUri = asked == null ? null : asked.getRedirectUri();
    String description = describe(error);
    if (asked == null || !StringUtils.hasText(redirectUri)) {
      Map<String, Object> model =
          Map.of(
              "status",
              400,
              "title",
              "This authorization request cannot be answered",
              "detail",
              description);
      render(request, response, HttpStatus.BAD_REQUEST, "error", model);
      return;
    }
    if (OOB.equals(redirectUri)) {
      render(request, response, HttpStatus.OK, "authserver/oob", Map.of("error", description));
      return;
    }
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromUriString(redirectUri)
            .queryParam(OAuth2ParameterNames.ERROR, encode(error.getErrorCode()))
            .queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(description));
    if (StringUtils.hasText(error.getUri())) {
      uri.queryParam(OAuth2ParameterNames.ERROR_URI, encode(error.getUri()));
    }
    withState(uri, asked.getState());
    redirects.sendRedirect(request, response, uri.build(true).toUriString());
  }

  /** What went wrong in words (the stock descriptions only name a parameter). */
  static String describe(OAuth2Error error) {
    String description = error.getDescription() == null ? "" : error.getDescription();
    if (!description.startsWith("OAuth 2.0 Parameter: ")) {
      return description.isEmpty() ? error.getErrorCode() : description;
    }
    String parameter = description.substring("OAuth 2.0 Parameter: ".length());
    return switch (error.getErrorCode()) {
      case OAuth2ErrorCodes.ACCESS_DENIED -> "You denied the application access.";
      case OAuth2ErrorCodes.INVALID_SCOPE ->
          "The application asked for a scope it did not register.";
      default ->
          switch (parameter) {
            case OAuth2ParameterNames.CLIENT_ID -> "No application has this client id.";
            case OAuth2ParameterNames.REDIRECT_URI ->
                "The redirect URI is not one the application registered.";
            case OAuth2ParameterNames.STATE -> "This authorization request has expired.";
            case "code_challenge" -> "The application must send a PKCE code challenge (S256).";
            case "code_challenge_method" -> "The PKCE code challenge method must be S256.";
            default -> "The request's " + parameter + " is not valid.";
          };
    };
  }

  private void render(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String name,
      Map<String, ?> model)
      throws IOException {
    response.setStatus(status.value());
    response.setHeader("Cache-Control", "no-store");
    try {
      View view = views.resolveViewName(name, Locale.ENGLISH);
      if (view == null) {
        throw new IllegalStateException("no view " + name);
      }
      view.render(model, request, response);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot render " + name, e);
    }
  }

  private static void withState(UriComponentsBuilder uri, @Nullable String state) {
    if (StringUtils.hasText(state)) {
      uri.queryParam(OAuth2ParameterNames.STATE, encode(state));
    }
  }

  private static String encode(String value) {
    return UriUtils.encode(value, StandardCharsets.UTF_8);
  }
}
