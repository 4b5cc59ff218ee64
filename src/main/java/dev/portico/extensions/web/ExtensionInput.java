package dev.portico.extensions.web;

import dev.portico.extensions.ActionType;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionDraft;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.extensions.IconChange;
import dev.portico.system.InvalidInput.FieldViolation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A REST create or change of an extension (SPEC §13), from a JSON body or a {@code
 * multipart/form-data} one (the same field names as form fields, the icon as the file part {@code
 * icon}). It knows which fields were given: a change keeps the others; a field given as {@code
 * null} (or, in a multipart body, empty) is cleared. Values that cannot be read (an unknown choice
 * in a multipart body, an icon that is not a base64 {@code data:} URL) are field errors.
 */
final class ExtensionInput {

  private static final List<String> FIELDS =
      List.of(
          "name",
          "description",
          "location",
          "context",
          "actionUrl",
          "actionType",
          "actionBody",
          "showResponse",
          "icon");

  private static final Pattern DATA_URL =
      Pattern.compile(
          "data:[a-z0-9.+/-]*(;[a-z0-9=.+-]+)*;base64,([a-z0-9+/=\\s]*)", Pattern.CASE_INSENSITIVE);

  /** The JSON body; {@code icon} is a {@code data:} URL. */
  @Schema(name = "ExtensionRequest")
  record Fields(
      @Nullable String name,
      @Nullable String description,
      @Nullable ExtensionLocation location,
      @Nullable ExtensionContext context,
      @Schema(example = "https://app.example.com/panel?document={$documentId}")
          @Nullable String actionUrl,
      @Nullable ActionType actionType,
      @Nullable String actionBody,
      @Nullable Boolean showResponse,
      @Schema(
              description =
                  "A `data:` URL with base64 content (`data:image/png;base64,…`); `null` removes"
                      + " the icon")
          @Nullable String icon) {}

  /** The multipart body, for the OpenAPI document: the same fields, the icon as a file part. */
  @Schema(name = "ExtensionUpload")
  record Upload(
      @Nullable String name,
      @Nullable String description,
      @Nullable ExtensionLocation location,
      @Nullable ExtensionContext context,
      @Nullable String actionUrl,
      @Nullable ActionType actionType,
      @Nullable String actionBody,
      @Nullable Boolean showResponse,
      @Schema(type = "string", format = "binary", description = "A PNG or SVG file")
          @Nullable String icon) {}

  private final Fields fields;
  private final Set<String> given;
  private final List<FieldViolation> problems;
  private final IconChange icon;

  private ExtensionInput(
      Fields fields, Set<String> given, List<FieldViolation> problems, IconChange icon) {
    this.fields = fields;
    this.given = given;
    this.problems = problems;
    this.icon = icon;
  }

  /** A JSON object body; a value of the wrong type is Jackson's, answered as 400 by the caller. */
  static ExtensionInput ofJson(JsonNode tree, JsonMapper json) {
    Fields f = json.treeToValue(tree, Fields.class);
    Set<String> given = new HashSet<>();
    FIELDS.stream().filter(tree::has).forEach(given::add);
    List<FieldViolation> problems = new ArrayList<>();
    IconChange icon = IconChange.KEEP;
    if (given.contains("icon")) {
      icon = dataUrl(f.icon(), problems);
    }
    return new ExtensionInput(f, given, problems, icon);
  }

  /** A multipart body: text fields by name, the icon as the file part {@code icon}. */
  static ExtensionInput ofMultipart(MultipartHttpServletRequest request) {
    Set<String> given = new HashSet<>();
    FIELDS.stream().filter(n -> request.getParameter(n) != null).forEach(given::add);
    List<FieldViolation> problems = new ArrayList<>();
    Fields f =
        new Fields(
            text(request, "name"),
            text(request, "description"),
            choice(
                request,
                "location",
                ExtensionLocation::ofWire,
                ExtensionLocation.values(),
                problems),
            choice(
                request, "context", ExtensionContext::ofWire, ExtensionContext.values(), problems),
            text(request, "actionUrl"),
            choice(request, "actionType", ActionType::ofWire, ActionType.values(), problems),
            text(request, "actionBody"),
            bool(request, problems),
            null);
    IconChange icon = IconChange.KEEP;
    MultipartFile file = request.getFile("icon");
    if (file != null) {
      given.add("icon");
      try {
        icon = IconChange.upload(file.getInputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (given.contains("icon")) {
      String value = text(request, "icon");
      icon = value == null ? IconChange.REMOVE : dataUrl(value, problems);
    }
    return new ExtensionInput(f, given, problems, icon);
  }

  /** The extension as it would be: the fields given over {@code current}. */
  ExtensionDraft over(ExtensionDraft current) {
    return new ExtensionDraft(
        given.contains("name") ? orEmpty(fields.name()) : current.name(),
        given.contains("description") ? fields.description() : current.description(),
        given.contains("location") ? fields.location() : current.location(),
        given.contains("context") ? fields.context() : current.context(),
        given.contains("actionUrl") ? orEmpty(fields.actionUrl()) : current.actionUrl(),
        given.contains("actionType") ? fields.actionType() : current.actionType(),
        given.contains("actionBody") ? fields.actionBody() : current.actionBody(),
        given.contains("showResponse")
            ? Boolean.TRUE.equals(fields.showResponse())
            : current.showResponse());
  }

  /** A required text given as {@code null}: empty, so the rules refuse it as missing. */
  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** The draft a create starts from: nothing given yet. */
  static ExtensionDraft empty() {
    return new ExtensionDraft("", null, null, null, "", null, null, false);
  }

  IconChange icon() {
    return icon;
  }

  /** The values that could not be read, at their fields. */
  List<FieldViolation> problems() {
    return problems;
  }

  private static IconChange dataUrl(@Nullable String value, List<FieldViolation> problems) {
    if (value == null) {
      return IconChange.REMOVE;
    }
    Matcher m = DATA_URL.matcher(value.strip());
    if (m.matches()) {
      try {
        return IconChange.upload(
            new java.io.ByteArrayInputStream(Base64.getMimeDecoder().decode(m.group(2))));
      } catch (IllegalArgumentException e) {
        // not base64: reported below
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a byte array does not fail to read
      }
    }
    problems.add(
        new FieldViolation(
            "icon",
            "must be a data: URL with base64 content, such as data:image/png;base64,iVBOR…,"
                + " or a multipart file part"));
    return IconChange.KEEP;
  }

  private static @Nullable String text(MultipartHttpServletRequest request, String name) {
    String value = request.getParameter(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private static @Nullable Boolean bool(
      MultipartHttpServletRequest request, List<FieldViolation> problems) {
    String value = text(request, "showResponse");
    if (value == null || value.equals("false")) {
      return value == null ? null : false;
    }
    if (value.equals("true")) {
      return true;
    }
    problems.add(new FieldViolation("showResponse", "must be true or false"));
    return null;
  }

  private static <T extends Enum<T>> @Nullable T choice(
      MultipartHttpServletRequest request,
      String field,
      Function<String, Optional<T>> ofWire,
      T[] all,
      List<FieldViolation> problems) {
    String value = text(request, field);
    if (value == null) {
      return null;
    }
    Optional<T> found = ofWire.apply(value);
    if (found.isEmpty()) {
      problems.add(
          new FieldViolation(
              field,
              "must be one of: "
                  + Arrays.stream(all).map(Enum::name).collect(Collectors.joining(", "))));
    }
    return found.orElse(null);
  }
}
