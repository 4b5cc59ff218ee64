package dev.portico.extensions.internal;

import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.extensions.ActionTemplates;
import dev.portico.extensions.ActionTemplates.DefaultParameters;
import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.extensions.ReplacementAttribute;
import dev.portico.extensions.internal.PreviewPage.Card;
import dev.portico.extensions.internal.PreviewPage.Kind;
import dev.portico.extensions.internal.PreviewPage.SampleField;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the Preview section of an app's Extensions tab (issue 10, item 8): each extension resolved
 * with sample context values by {@link ActionTemplates}, exactly as it would be for a user. A
 * resolved URL is shown (framed, linked or called) only when it passes {@link
 * ActionTemplates#urlProblem} again, so a stored row that bypassed the editor can never put a
 * {@code javascript:} URL or a stranger origin into the page.
 */
@Component
public class ExtensionPreviews {

  /** An origin safe to write into a CSP header: scheme, host (or [IPv6]) and optional port. */
  private static final Pattern ORIGIN =
      Pattern.compile("https?://([a-z0-9-]+(\\.[a-z0-9-]+)*|\\[[0-9a-f:.]+])(:[0-9]{1,5})?");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ExtensionRows extensions;

  ExtensionPreviews(ExtensionRows extensions) {
    Assert.notNull(extensions, "extensions cannot be null");
    this.extensions = extensions;
  }

  /**
   * The preview of the app's extensions for the signed-in user, with the sample values the request
   * gives (by attribute key; the defaults for the others).
   *
   * @param server Portico's base URL, the {@code server} default parameter
   */
  public PreviewPage page(
      Application app,
      User me,
      String server,
      Locale locale,
      Map<String, String> sampleParameters) {
    List<SampleField> fields = new ArrayList<>();
    SampleContext sample = sample(sampleParameters, fields);
    DefaultParameters defaults =
        new DefaultParameters(
            server,
            me.companyId() == null ? null : me.companyId().toString(),
            me.id().toString(),
            locale.toLanguageTag(),
            app.clientId());
    List<Card> cards = new ArrayList<>();
    for (Extension e : extensions.ofApplication(app.id())) {
      cards.add(card(e, sample, defaults));
    }
    return new PreviewPage(
        "/developer/oauth-applications/" + app.id() + "/extensions/preview", fields, cards);
  }

  /** The sample with the values typed; a value too long is refused at its field and not used. */
  static SampleContext sample(Map<String, String> parameters, List<SampleField> fields) {
    SampleContext sample = SampleContext.defaults();
    for (ReplacementAttribute a : ReplacementAttribute.values()) {
      String typed = parameters.get(a.key());
      String error = null;
      if (typed != null && typed.length() > SampleContext.MAX_VALUE_LENGTH) {
        error = "must be at most " + SampleContext.MAX_VALUE_LENGTH + " characters";
      } else if (typed != null) {
        sample = sample.with(a, typed);
      }
      fields.add(
          new SampleField(a.key(), typed == null ? sample.value(a) : typed, a.deprecated(), error));
    }
    return sample;
  }

  static Card card(Extension e, SampleContext sample, DefaultParameters defaults) {
    Map<ReplacementAttribute, String> values = sample.at(e.location(), e.context());
    Map<String, String> byKey = new LinkedHashMap<>();
    values.forEach((a, v) -> byKey.put(a.key(), v));
    Kind kind = kind(e);
    String url = ActionTemplates.resolveUrl(e.actionUrl(), e.location(), values, defaults);
    Optional<String> problem =
        kind == Kind.CALL && e.effectiveActionType() == null
            ? Optional.of("has no action type")
            : ActionTemplates.urlProblem(url).map(p -> "The resolved action URL " + p);
    String origin = problem.isEmpty() ? origin(url) : null;
    if (problem.isEmpty() && origin == null) {
      problem = Optional.of("The resolved action URL has a host that cannot be framed");
    }
    String body = body(e, kind, values, sample);
    return new Card(
        e, kind, problem.isEmpty() ? url : null, origin, problem.orElse(null), body, byKey);
  }

  private static Kind kind(Extension e) {
    if (e.location() == ExtensionLocation.PART_NUMBER_GENERATOR) {
      return Kind.PART_NUMBER;
    }
    if (e.location().embedded()) {
      return Kind.EMBEDDED;
    }
    return e.actionType() == ActionType.OPEN_IN_NEW_WINDOW ? Kind.LINK : Kind.CALL;
  }

  private static @Nullable String body(
      Extension e, Kind kind, Map<ReplacementAttribute, String> values, SampleContext sample) {
    if (kind == Kind.PART_NUMBER) {
      return JSON.writeValueAsString(sample.partNumberRequest());
    }
    String template = e.actionBody();
    if (kind == Kind.CALL && e.actionType() == ActionType.POST && template != null) {
      return ActionTemplates.resolveBody(template, values);
    }
    return null;
  }

  /** {@code scheme://host[:port]} of a URL, lower case, or {@code null} if it is not one. */
  static @Nullable String origin(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      String origin =
          uri.getScheme().toLowerCase(Locale.ROOT)
              + "://"
              + uri.getHost().toLowerCase(Locale.ROOT)
              + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return ORIGIN.matcher(origin).matches() ? origin : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
