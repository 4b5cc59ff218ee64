package dev.portico.extensions;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a caller asks of {@link ExtensionVisibility}: the location and context shown (either may be
 * left out: every one), optionally one application, the context's values ({@code documentId}, …)
 * for the action URLs, and where the request came from for the default query parameters (EXT-3).
 *
 * @param server Portico's base URL, the {@code server} parameter of every resolved action URL
 * @param locale the user's locale as a language tag, the {@code locale} parameter
 */
public record ExtensionQuery(
    @Nullable ExtensionLocation location,
    @Nullable ExtensionContext context,
    @Nullable UUID applicationId,
    Map<ReplacementAttribute, String> values,
    String server,
    String locale) {

  public ExtensionQuery {
    values = Map.copyOf(values);
  }
}
