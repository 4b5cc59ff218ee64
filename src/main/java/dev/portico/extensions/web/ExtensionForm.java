package dev.portico.extensions.web;

import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionDraft;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.extensions.IconChange;
import dev.portico.system.InvalidInput.FieldViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * The add/edit form of an extension (EXT-1), field names as the console contract and the REST body
 * name them. Choices arrive as wire names; one that is not in the catalogue is a field error, never
 * a binding failure. The icon file is not kept when the form comes back with errors.
 */
public class ExtensionForm {

  /** The fields the form binds; anything else sent is ignored. */
  static final String[] FIELDS = {
    "name",
    "description",
    "location",
    "context",
    "actionUrl",
    "actionType",
    "actionBody",
    "showResponse",
    "icon",
    "removeIcon"
  };

  private String name = "";
  private String description = "";
  private String location = "";
  private String context = "";
  private String actionUrl = "";
  private String actionType = "";
  private String actionBody = "";
  private boolean showResponse;
  private boolean removeIcon;
  private @Nullable MultipartFile icon;

  static ExtensionForm of(Extension e) {
    ExtensionForm form = new ExtensionForm();
    form.name = e.name();
    form.description = e.description() == null ? "" : e.description();
    form.location = e.location().name();
    form.context = e.context() == null ? "" : e.context().name();
    form.actionUrl = e.actionUrl();
    form.actionType =
        e.location().choosesActionType() && e.actionType() != null ? e.actionType().name() : "";
    form.actionBody = e.actionBody() == null ? "" : e.actionBody();
    form.showResponse = e.showResponse();
    return form;
  }

  /** The draft; a choice that is not in the catalogue is added to {@code violations}. */
  ExtensionDraft toDraft(List<FieldViolation> violations) {
    return new ExtensionDraft(
        name,
        description,
        choice(
            "location",
            location,
            ExtensionLocation::ofWire,
            ExtensionLocation.values(),
            violations),
        choice("context", context, ExtensionContext::ofWire, ExtensionContext.values(), violations),
        actionUrl,
        choice("actionType", actionType, ActionType::ofWire, ActionType.values(), violations),
        actionBody,
        showResponse);
  }

  /** The location chosen, if it is one; an unknown one is reported by {@link #toDraft}. */
  Optional<ExtensionLocation> locationChoice() {
    return ExtensionLocation.ofWire(location);
  }

  Optional<ExtensionContext> contextChoice() {
    return ExtensionContext.ofWire(context);
  }

  Optional<ActionType> actionTypeChoice() {
    return ActionType.ofWire(actionType);
  }

  /** What the save does with the icon: the uploaded file, or removal when asked, or nothing. */
  IconChange iconChange() {
    MultipartFile file = icon;
    if (file != null && !file.isEmpty()) {
      try {
        return IconChange.upload(file.getInputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return removeIcon ? IconChange.REMOVE : IconChange.KEEP;
  }

  /** Whether a file was chosen (after an error it must be chosen again). */
  boolean hasIconFile() {
    return icon != null && !icon.isEmpty();
  }

  private static <T extends Enum<T>> @Nullable T choice(
      String field,
      String value,
      Function<String, Optional<T>> ofWire,
      T[] all,
      List<FieldViolation> violations) {
    if (value.isBlank()) {
      return null;
    }
    Optional<T> found = ofWire.apply(value);
    if (found.isEmpty()) {
      violations.add(
          new FieldViolation(
              field,
              "must be one of: "
                  + Arrays.stream(all).map(Enum::name).collect(Collectors.joining(", "))));
    }
    return found.orElse(null);
  }

  public String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name == null ? "" : name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(@Nullable String description) {
    this.description = description == null ? "" : description;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(@Nullable String location) {
    this.location = location == null ? "" : location;
  }

  public String getContext() {
    return context;
  }

  public void setContext(@Nullable String context) {
    this.context = context == null ? "" : context;
  }

  public String getActionUrl() {
    return actionUrl;
  }

  public void setActionUrl(@Nullable String actionUrl) {
    this.actionUrl = actionUrl == null ? "" : actionUrl;
  }

  public String getActionType() {
    return actionType;
  }

  public void setActionType(@Nullable String actionType) {
    this.actionType = actionType == null ? "" : actionType;
  }

  public String getActionBody() {
    return actionBody;
  }

  public void setActionBody(@Nullable String actionBody) {
    this.actionBody = actionBody == null ? "" : actionBody;
  }

  public boolean isShowResponse() {
    return showResponse;
  }

  public void setShowResponse(boolean showResponse) {
    this.showResponse = showResponse;
  }

  public boolean isRemoveIcon() {
    return removeIcon;
  }

  public void setRemoveIcon(boolean removeIcon) {
    this.removeIcon = removeIcon;
  }

  /** Never read back into a page: a file input has no value. */
  public @Nullable MultipartFile getIcon() {
    return null;
  }

  public void setIcon(@Nullable MultipartFile icon) {
    this.icon = icon;
  }

  @Override
  public String toString() {
    return "ExtensionForm[" + name + ", " + location + ", " + context + "]";
  }
}
