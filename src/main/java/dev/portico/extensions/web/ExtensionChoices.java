package dev.portico.extensions.web;

import dev.portico.extensions.ActionType;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.extensions.ReplacementAttribute;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the extension form offers for the location (and context, action type) chosen so far (EXT-2,
 * EXT-3a, EXT-4): only the contexts and action types the location allows, the action body for POST
 * only, "Show response" for GET and POST only, and the attributes an action URL may use there.
 * Public, with public accessors, because the template reads it through SpEL.
 */
public record ExtensionChoices(
    @Nullable ExtensionLocation location,
    List<ExtensionContext> contexts,
    List<ActionType> actionTypes,
    boolean contextChosen,
    List<ReplacementAttribute> attributes) {

  static ExtensionChoices of(ExtensionForm form) {
    ExtensionLocation location = form.locationChoice().orElse(null);
    if (location == null) {
      return new ExtensionChoices(null, List.of(), List.of(), false, List.of());
    }
    ExtensionContext context = form.contextChoice().filter(location::allows).orElse(null);
    return new ExtensionChoices(
        location,
        List.copyOf(location.contexts()),
        location.choosesActionType() ? List.copyOf(location.actionTypes()) : List.of(),
        context != null,
        List.copyOf(location.attributes(context)));
  }

  /** All locations, for the location select. */
  public static List<ExtensionLocation> locations() {
    return List.of(ExtensionLocation.values());
  }

  public boolean hasLocation() {
    return location != null;
  }

  public boolean hasContexts() {
    return !contexts.isEmpty();
  }

  /** Context menus: the user picks GET, POST or Open in new window. */
  public boolean choosesActionType() {
    return !actionTypes.isEmpty();
  }

  /** The part number generator: always POST, nothing to choose. */
  public boolean implicitPost() {
    return location == ExtensionLocation.PART_NUMBER_GENERATOR;
  }

  /** An embedded page: no action type, body or response. */
  public boolean embedded() {
    return location != null && location.embedded();
  }

  /** Whether the form shows the action body: a context-menu POST. */
  public boolean showsBody(ExtensionForm form) {
    return choosesActionType() && form.actionTypeChoice().filter(ActionType::takesBody).isPresent();
  }

  /** Whether the form shows "Show response": a context-menu GET or POST. */
  public boolean showsResponseChoice(ExtensionForm form) {
    return choosesActionType()
        && form.actionTypeChoice().filter(ActionType::mayShowResponse).isPresent();
  }

  public boolean elementTab() {
    return location == ExtensionLocation.ELEMENT_TAB;
  }
}
