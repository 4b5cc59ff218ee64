package dev.portico.extensions;

import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.PlainText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every rule of an extension's fields (EXT-1..EXT-4), read from the EXT-2 and EXT-3a tables of
 * {@link ExtensionLocation} and checked by {@link ActionTemplates}. {@link #check} answers every
 * broken rule at once, on the fields of the form and the REST body ({@code name}, {@code
 * description}, {@code location}, {@code context}, {@code actionUrl}, {@code actionType}, {@code
 * actionBody}, {@code showResponse}); a field may get several messages.
 */
public final class ExtensionRules {

  public static final int MAX_NAME = 100;
  public static final int MAX_DESCRIPTION = 1000;
  public static final int MAX_ACTION_URL = 2048;
  public static final int MAX_ACTION_BODY = 8000;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private ExtensionRules() {}

  /** Every broken rule of the draft; empty when it may be saved (the once-per-app rule aside). */
  public static List<FieldViolation> check(ExtensionDraft d) {
    List<FieldViolation> found = new ArrayList<>();
    text(found, "name", d.name(), MAX_NAME, true);
    String description = d.description();
    if (description != null) {
      text(found, "description", description, MAX_DESCRIPTION, false);
    }
    ExtensionLocation location = d.location();
    if (location == null) {
      found.add(new FieldViolation("location", "choose a location"));
    } else {
      context(found, location, d.context());
      actionType(found, location, d.actionType());
    }
    actionUrl(found, d);
    actionBody(found, d);
    if (d.showResponse() && !chosen(d).filter(ActionType::mayShowResponse).isPresent()) {
      found.add(new FieldViolation("showResponse", "only GET and POST actions show a response"));
    }
    return found;
  }

  private static void context(
      List<FieldViolation> found, ExtensionLocation location, @Nullable ExtensionContext context) {
    if (context == null && location.needsContext()) {
      found.add(
          new FieldViolation(
              "context", "choose a context: " + location.label() + " works on a selection"));
    } else if (context != null && !location.needsContext()) {
      found.add(new FieldViolation("context", location.label() + " has no context"));
    } else if (context != null && !location.allows(context)) {
      found.add(
          new FieldViolation(
              "context", context.label() + " is not a context of " + location.label()));
    }
  }

  private static void actionType(
      List<FieldViolation> found, ExtensionLocation location, @Nullable ActionType type) {
    if (location.embedded()) {
      if (type != null) {
        found.add(
            new FieldViolation(
                "actionType", location.label() + " embeds a page: it takes no action type"));
      }
    } else if (!location.choosesActionType()) {
      if (type != null && !location.actionTypes().contains(type)) {
        found.add(
            new FieldViolation("actionType", location.label() + " is always called with POST"));
      }
    } else if (type == null) {
      found.add(new FieldViolation("actionType", "choose an action type"));
    }
  }

  private static void actionUrl(List<FieldViolation> found, ExtensionDraft d) {
    String url = d.actionUrl();
    if (url.isEmpty()) {
      found.add(new FieldViolation("actionUrl", "is required"));
      return;
    }
    if (url.length() > MAX_ACTION_URL) {
      found.add(
          new FieldViolation("actionUrl", "must be at most " + MAX_ACTION_URL + " characters"));
      return;
    }
    ActionTemplates.urlProblem(url).ifPresent(p -> found.add(new FieldViolation("actionUrl", p)));
    attributes(found, "actionUrl", url, d);
  }

  private static void actionBody(List<FieldViolation> found, ExtensionDraft d) {
    String body = d.actionBody();
    if (body == null) {
      return;
    }
    if (d.location() == ExtensionLocation.PART_NUMBER_GENERATOR) {
      found.add(
          new FieldViolation(
              "actionBody", "the part number generator is sent its own documented body"));
      return;
    }
    if (!chosen(d).filter(ActionType::takesBody).isPresent()) {
      found.add(new FieldViolation("actionBody", "only a POST action takes a body"));
      return;
    }
    if (body.length() > MAX_ACTION_BODY) {
      found.add(
          new FieldViolation("actionBody", "must be at most " + MAX_ACTION_BODY + " characters"));
      return;
    }
    if (!validJson(ActionTemplates.resolveBody(body, java.util.Map.of()))) {
      found.add(
          new FieldViolation(
              "actionBody",
              "must be valid JSON; attributes go inside strings, such as"
                  + " {\"document\": \"{$documentId}\"}"));
    }
    attributes(found, "actionBody", body, d);
  }

  /**
   * The action type of a context menu, the only locations where the user chooses one and where a
   * body and "Show response" belong (the generator's POST is sent its own body, its answer read).
   */
  private static java.util.Optional<ActionType> chosen(ExtensionDraft d) {
    ExtensionLocation location = d.location();
    if (location == null || !location.choosesActionType()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(d.actionType());
  }

  private static void attributes(
      List<FieldViolation> found, String field, String template, ExtensionDraft d) {
    ExtensionLocation location = d.location();
    if (location == null) {
      return;
    }
    ExtensionContext context = location.allows(d.context()) ? d.context() : null;
    for (String problem : ActionTemplates.attributeProblems(template, location, context)) {
      found.add(new FieldViolation(field, problem));
    }
  }

  private static boolean validJson(String text) {
    try {
      JSON.readTree(text);
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }

  /** A plain text field: required or not, at most this long; a description may have line breaks. */
  private static void text(
      List<FieldViolation> found, String field, String value, int max, boolean required) {
    if (value.isEmpty()) {
      if (required) {
        found.add(new FieldViolation(field, "is required"));
      }
    } else if (value.length() > max) {
      found.add(new FieldViolation(field, "must be at most " + max + " characters"));
    } else if (!PlainText.Validator.isPlainText(
        required ? value : value.replaceAll("\r?\n", " "))) {
      found.add(
          new FieldViolation(
              field, "must not contain control characters or the characters < and >"));
    }
  }
}
