package dev.portico.applications;

import dev.portico.system.InvalidInput.FieldViolation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The APP-2 rules that Bean Validation cannot say on one field: what a redirect URL and the OAuth
 * URL may be, and what a collaborator is. A redirect URL is {@code https://} with a host, or {@code
 * http://localhost:<port>} (also {@code 127.0.0.1} and {@code [::1]}) for desktop apps, or exactly
 * {@code urn:ietf:wg:oauth:2.0:oob}; never with a fragment, a wildcard or user info.
 */
public final class RegistrationRules {

  /** APP-2's primary format: a reverse-domain name such as {@code com.example.stl-preview}. */
  public static final String PRIMARY_FORMAT = "^[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$";

  public static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";
  public static final int MAX_REDIRECT_URLS = 10;
  public static final int MAX_COLLABORATORS = 20;
  static final int MAX_URL_LENGTH = 2048;

  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final String EMAIL = "^[a-z0-9._%+'-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+$";
  private static final String WEB_URL_RULE =
      "must be an https:// URL, or http://localhost:<port> (also 127.0.0.1 or [::1])";

  private RegistrationRules() {}

  /** Every broken cross-field rule of the draft; Bean Validation covers the single fields. */
  public static List<FieldViolation> check(ApplicationDraft draft) {
    List<FieldViolation> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String url : draft.redirectUrls()) {
      String problem = redirectUrlProblem(url);
      if (problem == null && !seen.add(url)) {
        problem = "is listed twice";
      }
      if (problem != null) {
        found.add(new FieldViolation("redirectUrls", quoted(url) + " " + problem));
      }
    }
    String oauthUrl = draft.oauthUrl();
    if (oauthUrl != null) {
      String problem = webUrlProblem(oauthUrl);
      if (problem != null) {
        found.add(new FieldViolation("oauthUrl", problem));
      }
    }
    if (!draft.collaborators().isEmpty() && !draft.supportsCollaboration()) {
      found.add(
          new FieldViolation(
              "collaborators", "turn on Supports collaboration to add collaborators"));
    }
    for (String email : draft.collaborators()) {
      if (email.length() > 254 || !email.matches(EMAIL)) {
        found.add(
            new FieldViolation(
                "collaborators",
                quoted(email) + " must be an email address such as name@example.com"));
      }
    }
    return found;
  }

  /**
   * What an editor (not a manager) may not change: who may edit the app — collaboration, the
   * collaborators, the admin team.
   */
  public static List<FieldViolation> editorLimits(Application app, ApplicationDraft draft) {
    List<FieldViolation> found = new ArrayList<>();
    String message = "only the app's managers can change who may edit it";
    if (draft.supportsCollaboration() != app.supportsCollaboration()) {
      found.add(new FieldViolation("supportsCollaboration", message));
    }
    if (draft.supportsCollaboration()
        && !Set.copyOf(draft.collaborators()).equals(Set.copyOf(app.collaborators()))) {
      found.add(new FieldViolation("collaborators", message));
    }
    if (!java.util.Objects.equals(draft.adminTeamId(), app.adminTeamId())) {
      found.add(new FieldViolation("adminTeamId", message));
    }
    return found;
  }

  /** Why this redirect URL is refused, or {@code null} when it is allowed. */
  public static @Nullable String redirectUrlProblem(String url) {
    if (url.equals(OUT_OF_BAND)) {
      return null;
    }
    if (url.regionMatches(true, 0, "urn:", 0, 4)) {
      return "is not allowed: the only URN is exactly " + OUT_OF_BAND;
    }
    String problem = webUrlProblem(url);
    return problem == null ? null : problem + ", or exactly " + OUT_OF_BAND;
  }

  /**
   * Why this URL is not an https URL or a loopback http URL with a port, or {@code null} when it is
   * one (the rule of redirect URLs without the out-of-band URN, and of the OAuth URL).
   */
  public static @Nullable String webUrlProblem(String url) {
    if (url.isEmpty()) {
      return "must not be empty";
    }
    if (url.length() > MAX_URL_LENGTH) {
      return "must be at most " + MAX_URL_LENGTH + " characters";
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return "must not contain spaces, control or non-ASCII characters (percent-encode them)";
      }
    }
    if (url.indexOf('*') >= 0) {
      return "must not contain a wildcard (*): register each URL exactly";
    }
    if (url.indexOf('#') >= 0) {
      return "must not have a fragment (#…)";
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "is not a valid URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
      return WEB_URL_RULE;
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
      return "must not contain a user name or password (user@host)";
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return "must name a host";
    }
    if (scheme.equals("https")) {
      return null;
    }
    if (scheme.equals("http") && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
      return uri.getPort() > 0 ? null : "must give the port: http://localhost:<port>";
    }
    return WEB_URL_RULE;
  }

  private static String quoted(String value) {
    String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
    return "“" + shown + "”";
  }
}
