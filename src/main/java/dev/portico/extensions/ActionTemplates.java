package dev.portico.extensions;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one place that reads action URL and body templates (EXT-3, EXT-3a, EXT-4): checks them at
 * save time against the location and context, and resolves them for a call, substituting each
 * {@code {$attribute}} (URL-encoded in a URL, JSON-escaped in a body) and appending the default
 * query parameters.
 */
public final class ActionTemplates {

  /** A placeholder as written: {@code {$name}}; the name is what the check reports. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\$([^{}]*)}");

  /** A name the check repeats back in its message; anything else is not echoed (SPEC §14). */
  private static final Pattern SHOWN_NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");

  private static final Pattern LOCALHOST =
      Pattern.compile("localhost|127\\.0\\.0\\.1|\\[::1]", Pattern.CASE_INSENSITIVE);

  private ActionTemplates() {}

  /**
   * What is wrong with the placeholders of a template at this location and context, one message per
   * placeholder, naming it ({@code unknown attribute {$foo}}, {@code {$partId} is not available at
   * Tree context menu · Feature}); empty when every one is allowed.
   */
  public static List<String> attributeProblems(
      String template, ExtensionLocation location, @Nullable ExtensionContext context) {
    List<String> problems = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      String name = m.group(1);
      Optional<ReplacementAttribute> attribute = ReplacementAttribute.ofKey(name);
      String problem;
      if (attribute.isEmpty()) {
        problem =
            SHOWN_NAME.matcher(name).matches()
                ? "unknown attribute {$" + name + "}"
                : "unknown attribute: write attributes as {$name}, such as {$documentId}";
      } else if (!location.attributes(context).contains(attribute.get())) {
        problem =
            "{$"
                + name
                + "} is not available at "
                + location.label()
                + (context == null ? "" : " · " + context.label());
      } else {
        continue;
      }
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
    }
    String rest = PLACEHOLDER.matcher(template).replaceAll("");
    if (rest.contains("{$")) {
      problems.add("an attribute is not closed: write it as {$name}");
    }
    return problems;
  }

  /**
   * What is wrong with the action URL apart from its attributes (EXT-3): it must be an absolute
   * {@code https://} URL, or {@code http://} to localhost during development; empty when it is
   * fine. Placeholders may stand in the path, the query and the fragment, never in the scheme or
   * the host: a context value must not choose where Portico sends the user's token.
   */
  public static Optional<String> urlProblem(String template) {
    URI uri;
    URI other;
    try {
      uri = new URI(PLACEHOLDER.matcher(template).replaceAll("x"));
      other = new URI(PLACEHOLDER.matcher(template).replaceAll("y"));
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    if (!java.util.Objects.equals(uri.getScheme(), other.getScheme())
        || !java.util.Objects.equals(uri.getRawAuthority(), other.getRawAuthority())) {
      return Optional.of("an attribute may not stand in the scheme or the host of the URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
      return Optional.of("must be an absolute URL with a host, e.g. https://example.com/action");
    }
    if (scheme.equals("https")) {
      return Optional.empty();
    }
    if (scheme.equals("http") && LOCALHOST.matcher(host).matches()) {
      return Optional.empty();
    }
    return Optional.of("must start with https:// (http:// only for localhost)");
  }

  /**
   * The URL to open or call: the template with every placeholder replaced by its URL-encoded value
   * (an attribute without a value becomes empty), then the default query parameters appended (and,
   * for an element tab, the element's ids, EXT-3a).
   */
  public static String resolveUrl(
      String template,
      ExtensionLocation location,
      Map<ReplacementAttribute, String> values,
      DefaultParameters defaults) {
    String url = substitute(template, values, ActionTemplates::urlEncode);
    Map<String, String> query = new LinkedHashMap<>();
    if (location == ExtensionLocation.ELEMENT_TAB) {
      for (ReplacementAttribute a :
          List.of(
              ReplacementAttribute.DOCUMENT_ID,
              ReplacementAttribute.WORKSPACE_ID,
              ReplacementAttribute.VERSION_ID,
              ReplacementAttribute.ELEMENT_ID)) {
        query.put(a.key(), values.getOrDefault(a, ""));
      }
    }
    query.putAll(defaults.asQuery());
    StringBuilder out = new StringBuilder(url);
    int hash = url.indexOf('#');
    String fragment = hash < 0 ? "" : out.substring(hash);
    if (hash >= 0) {
      out.setLength(hash);
    }
    char separator = out.indexOf("?") < 0 ? '?' : '&';
    for (Map.Entry<String, String> p : query.entrySet()) {
      out.append(separator).append(p.getKey()).append('=').append(urlEncode(p.getValue()));
      separator = '&';
    }
    return out.append(fragment).toString();
  }

  /**
   * The body to POST: the template with every placeholder replaced by its value escaped for a JSON
   * string (placeholders stand inside string values, EXT-4).
   */
  public static String resolveBody(String template, Map<ReplacementAttribute, String> values) {
    return substitute(template, values, ActionTemplates::jsonEscape);
  }

  private static String substitute(
      String template,
      Map<ReplacementAttribute, String> values,
      java.util.function.UnaryOperator<String> encode) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          ReplacementAttribute.ofKey(m.group(1)).map(a -> values.getOrDefault(a, "")).orElse("");
      m.appendReplacement(out, Matcher.quoteReplacement(encode.apply(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String urlEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String jsonEscape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * The query parameters appended to every resolved action URL (EXT-3): {@code server} (Portico's
   * own base URL), {@code companyId} ({@code cad} when the user acts outside a company), {@code
   * userId}, {@code locale} and {@code clientId}.
   */
  public record DefaultParameters(
      String server, @Nullable String companyId, String userId, String locale, String clientId) {

    Map<String, String> asQuery() {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("server", server);
      q.put("companyId", companyId == null || companyId.isBlank() ? "cad" : companyId);
      q.put("userId", userId);
      q.put("locale", locale);
      q.put("clientId", clientId);
      return q;
    }
  }
}
