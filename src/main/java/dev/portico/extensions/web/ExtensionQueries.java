package dev.portico.extensions.web;

import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.extensions.ExtensionQuery;
import dev.portico.extensions.ReplacementAttribute;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Reads an {@link ExtensionQuery} from a request's query string: {@code location} and {@code
 * context} by their wire names, each replacement attribute's value by its key ({@code
 * documentId=…}), and the request's base URL and locale for the default parameters (EXT-3).
 */
@Component
class ExtensionQueries {

  /** The longest context value taken; longer ones are refused at their parameter. */
  static final int MAX_VALUE = 1000;

  private final String baseUrl;

  ExtensionQueries(@Value("${portico.notifications.base-url:}") String baseUrl) {
    this.baseUrl = baseUrl.strip();
  }

  /** The query; every unknown name and over-long value is refused at its parameter (422). */
  ExtensionQuery read(
      HttpServletRequest request,
      @Nullable String location,
      @Nullable String context,
      @Nullable UUID applicationId) {
    List<FieldViolation> problems = new ArrayList<>();
    ExtensionLocation at = location == null || location.isEmpty() ? null : location(location);
    if (location != null && !location.isEmpty() && at == null) {
      problems.add(
          new FieldViolation("location", "must be one of: " + names(ExtensionLocation.values())));
    }
    ExtensionContext in = context == null || context.isEmpty() ? null : context(context);
    if (context != null && !context.isEmpty() && in == null) {
      problems.add(
          new FieldViolation("context", "must be one of: " + names(ExtensionContext.values())));
    } else if (at != null && in != null && !at.allows(in)) {
      problems.add(new FieldViolation("context", "is not a context of " + at.name() + " (EXT-2)"));
    }
    Map<ReplacementAttribute, String> values = new EnumMap<>(ReplacementAttribute.class);
    for (ReplacementAttribute attribute : ReplacementAttribute.values()) {
      String value = request.getParameter(attribute.key());
      if (value == null) {
        continue;
      }
      if (value.length() > MAX_VALUE) {
        problems.add(
            new FieldViolation(attribute.key(), "must be at most " + MAX_VALUE + " characters"));
      } else {
        values.put(attribute, value);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return new ExtensionQuery(at, in, applicationId, values, server(request), locale(request));
  }

  /** {@code portico.notifications.base-url} when set, else the base URL the request was sent to. */
  private String server(HttpServletRequest request) {
    if (!baseUrl.isEmpty()) {
      return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
    return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
  }

  private static String locale(HttpServletRequest request) {
    return request.getLocale().toLanguageTag();
  }

  private static @Nullable ExtensionLocation location(String name) {
    return ExtensionLocation.ofWire(name).orElse(null);
  }

  private static @Nullable ExtensionContext context(String name) {
    return ExtensionContext.ofWire(name).orElse(null);
  }

  private static String names(Enum<?>[] values) {
    List<String> names = new ArrayList<>();
    for (Enum<?> v : values) {
      names.add(v.name());
    }
    return String.join(", ", names);
  }
}
