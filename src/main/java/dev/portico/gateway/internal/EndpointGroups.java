package dev.portico.gateway.internal;

import dev.portico.gateway.GatewaySettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Endpoint groups (USE-4): named path patterns, tried in order, the first match naming the group of
 * a call. Each group has its own rate-limit bucket per credential and is a dimension of the usage
 * counters. Defaults: {@code platform} (the built-in endpoints of API-2), {@code developer} (the
 * REST API of §13) and {@code proxy} (everything else, forwarded upstream by API-3); {@code
 * portico.gateway.endpoint-groups.<name>=<patterns>} replaces them.
 */
@Component
public class EndpointGroups {

  /** The group of paths no pattern matches: the upstream proxy's. */
  public static final String PROXY = "proxy";

  static final Map<String, List<String>> DEFAULTS = defaults();

  private final List<Group> groups;

  EndpointGroups(GatewaySettings settings) {
    Map<String, List<String>> configured =
        settings.endpointGroups().isEmpty() ? DEFAULTS : settings.endpointGroups();
    PathPatternParser parser = new PathPatternParser();
    List<Group> parsed = new ArrayList<>();
    configured.forEach(
        (name, patterns) -> {
          for (String pattern : patterns) {
            parsed.add(new Group(name, parser.parse(pattern)));
          }
        });
    this.groups = List.copyOf(parsed);
  }

  /** The group of this request's path; {@link #PROXY} when none matches. */
  public String of(HttpServletRequest request) {
    return of(request.getRequestURI().substring(request.getContextPath().length()));
  }

  String of(String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (Group group : groups) {
      if (group.pattern().matches(container)) {
        return group.name();
      }
    }
    return PROXY;
  }

  private static Map<String, List<String>> defaults() {
    Map<String, List<String>> defaults = new LinkedHashMap<>();
    defaults.put(
        "platform", List.of("/api/users/sessioninfo", "/api/companies", "/api/applications/**"));
    defaults.put(
        "developer",
        List.of(
            "/api/developer/**",
            "/api/accounts",
            "/api/accounts/**",
            "/api/users/me/**",
            "/api/operator/**",
            "/api/store/**"));
    defaults.put(PROXY, List.of("/api/**"));
    return Collections.unmodifiableMap(defaults);
  }

  private record Group(String name, PathPattern pattern) {}
}
