package dev.portico.extensions.internal;

import dev.portico.accounts.ConsoleProtection;
import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the Preview section shows (issue 10, item 8): the editable sample values and one card per
 * extension, each resolved with those values. Public with public accessors because the template
 * reads it through SpEL.
 *
 * @param action where the sample values form is sent (the preview page itself)
 */
public record PreviewPage(String action, List<SampleField> samples, List<Card> cards) {

  public PreviewPage {
    samples = List.copyOf(samples);
    cards = List.copyOf(cards);
  }

  /** The origins of the pages the preview frames, sorted; what the page's CSP allows to frame. */
  public Set<String> frameOrigins() {
    return cards.stream()
        .filter(c -> c.kind() == Kind.EMBEDDED)
        .map(Card::origin)
        .filter(Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** {@link #frameOrigins()} as one space-separated value (a hidden field of the samples form). */
  public String frameOriginsValue() {
    return String.join(" ", frameOrigins());
  }

  /** Whether every origin this page frames is among those of a page already shown. */
  public boolean framesOnly(String shownOrigins) {
    return Set.copyOf(Arrays.asList(shownOrigins.trim().split("\\s+"))).containsAll(frameOrigins());
  }

  /**
   * The console's policy with {@code frame-src} set to exactly the origins framed here ({@code
   * 'none'} when there are none): never {@code *}, never wider than what the page shows.
   */
  public String contentSecurityPolicy() {
    Set<String> origins = frameOrigins();
    return ConsoleProtection.CONTENT_SECURITY_POLICY
        + "; frame-src "
        + (origins.isEmpty() ? "'none'" : String.join(" ", origins));
  }

  /** How an extension is previewed. */
  public enum Kind {
    /** An element tab or panel: its page in a sandboxed iframe. */
    EMBEDDED,
    /** A GET or POST action: a button that runs the call and shows the response. */
    CALL,
    /** An Open in new window action: a link. */
    LINK,
    /** The part number generator: a description of the call Portico makes. */
    PART_NUMBER
  }

  /**
   * One extension as previewed.
   *
   * @param url the resolved action URL; {@code null} with a {@code problem} when it cannot be shown
   * @param origin the resolved URL's origin ({@code scheme://host[:port]})
   * @param body the resolved POST body, or the part number generator's sample request
   * @param values the sample values available at the extension's location and context, by key, in
   *     the order of {@link dev.portico.extensions.ReplacementAttribute}
   */
  public record Card(
      Extension extension,
      Kind kind,
      @Nullable String url,
      @Nullable String origin,
      @Nullable String problem,
      @Nullable String body,
      Map<String, String> values) {

    public Card {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String id() {
      return extension.id().toString();
    }

    /** The ACTIONS endpoint that runs this extension's call for the signed-in user. */
    public String runUrl() {
      return "/extensions/" + extension.id() + "/run";
    }

    /** The HTTP method of a call, or {@code null}. */
    public @Nullable String method() {
      ActionType type = extension.effectiveActionType();
      return type == null || !type.calledByPortico() ? null : type.name();
    }
  }

  /**
   * One editable sample value.
   *
   * @param value what the field shows: as typed, also when refused
   * @param error why the typed value is not used, or {@code null}
   */
  public record SampleField(String key, String value, boolean deprecated, @Nullable String error) {}
}
