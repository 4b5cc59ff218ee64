package dev.portico.gateway.internal;

import dev.portico.accounts.Scope;
import dev.portico.gateway.GatewaySettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The path rules of the upstream proxy ({@code portico.gateway.upstream-rules}, API-3): a call that
 * matches one needs the rule's scope ({@code OAuth2Share}, {@code OAuth2Purchase}, {@code
 * OAuth2ReadPII}…) instead of its method's. The first matching rule wins.
 *
 * <p>Matching errs on the side of the rule, which only ever asks for a scope: case does not matter,
 * a trailing slash is ignored, and the path is matched decoded ({@code sh%61res} is {@code shares})
 * — an upstream that treats two spellings of a path as one cannot be reached around a rule by the
 * other.
 */
final class UpstreamRules {

  private final List<Rule> rules;

  UpstreamRules(List<GatewaySettings.UpstreamRule> configured) {
    PathPatternParser parser = new PathPatternParser();
    parser.setCaseSensitive(false);
    this.rules =
        configured.stream()
            .map(
                rule ->
                    new Rule(
                        parser.parse(rule.pattern()),
                        rule.methods().stream()
                            .map(m -> m.strip().toUpperCase(Locale.ROOT))
                            .collect(Collectors.toUnmodifiableSet()),
                        rule.scope()))
            .toList();
  }

  /** The scope the first matching rule requires, or null when none matches. */
  @Nullable Scope scopeOf(HttpServletRequest request) {
    if (rules.isEmpty()) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    PathContainer container = PathContainer.parsePath(path);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    for (Rule rule : rules) {
      if (rule.covers(method) && rule.pattern().matches(container)) {
        return rule.scope();
      }
    }
    return null;
  }

  private record Rule(PathPattern pattern, Set<String> methods, Scope scope) {

    boolean covers(String method) {
      return methods.isEmpty()
          || methods.contains(method)
          || (method.equals("HEAD") && methods.contains("GET"));
    }
  }
}
