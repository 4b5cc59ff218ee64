package dev.portico.extensions;

import static dev.portico.extensions.ExtensionContext.*;
import static dev.portico.extensions.ReplacementAttribute.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where an extension appears (EXT-2), with the two tables every rule about extensions is read from:
 * the contexts and action types each location allows (EXT-2), and the replacement attributes it
 * provides (EXT-3a). {@code {$microversionId}}, {@code {$tabElementId}}, {@code
 * {$sessionCompanyId}} and {@code {$companyId}} are available wherever {@code {$elementId}} is.
 */
public enum ExtensionLocation {
  ELEMENT_TAB("Element tab", Set.of(), Set.of(), Set.of(), Set.of()),
  ELEMENT_RIGHT_PANEL(
      "Element right panel",
      EnumSet.of(PART, DOCUMENT, PART_STUDIO, ASSEMBLY, SUB_ASSEMBLY, FEATURE, MATE, MATE_FEATURE),
      Set.of(),
      withElement(PART_NUMBER, REVISION, FEATURE_ID, NODE_ID, OCCURRENCE_PATH, CONFIGURATION),
      Set.of()),
  DOCUMENT_LIST_INFO_PANEL(
      "Document list info panel",
      EnumSet.of(PART, DOCUMENT, PART_STUDIO, ASSEMBLY, DRAWING, BLOB_ELEMENT),
      Set.of(),
      withElement(PART_ID),
      Set.of()),
  ELEMENT_CONTEXT_MENU(
      "Element context menu",
      EnumSet.of(PART_STUDIO, ASSEMBLY, DRAWING, BLOB_ELEMENT),
      EnumSet.allOf(ActionType.class),
      withElement(PART_NUMBER, MIME_TYPE, CONFIGURATION),
      Set.of()),
  TREE_CONTEXT_MENU(
      "Tree context menu",
      EnumSet.of(PART, SUB_ASSEMBLY, FEATURE, MATE, MATE_FEATURE, INSTANCE),
      EnumSet.allOf(ActionType.class),
      withElement(PART_NUMBER, REVISION, FEATURE_ID, NODE_ID, OCCURRENCE_PATH, CONFIGURATION),
      EnumSet.of(PART, INSTANCE)),
  DOCUMENT_LIST_CONTEXT_MENU(
      "Document list context menu",
      EnumSet.of(PART, DOCUMENT, PART_STUDIO, ASSEMBLY, DRAWING, BLOB_ELEMENT),
      EnumSet.allOf(ActionType.class),
      withElement(PART_NUMBER, REVISION, CONFIGURATION),
      EnumSet.of(PART)),
  PART_NUMBER_GENERATOR(
      "Part number generator", Set.of(), EnumSet.of(ActionType.POST), Set.of(), Set.of());

  private final String label;
  private final Set<ExtensionContext> contexts;
  private final Set<ActionType> actionTypes;
  private final Set<ReplacementAttribute> attributes;
  private final Set<ExtensionContext> partIdContexts;

  /**
   * @param partIdContexts the contexts that add {@code {$partId}} (EXT-3a: "Part and Instance
   *     contexts only"); empty when the location gives {@code {$partId}} in every context or never
   */
  ExtensionLocation(
      String label,
      Set<ExtensionContext> contexts,
      Set<ActionType> actionTypes,
      Set<ReplacementAttribute> attributes,
      Set<ExtensionContext> partIdContexts) {
    this.label = label;
    this.contexts = Collections.unmodifiableSet(contexts);
    this.actionTypes = Collections.unmodifiableSet(actionTypes);
    this.attributes = Collections.unmodifiableSet(attributes);
    this.partIdContexts = Collections.unmodifiableSet(partIdContexts);
  }

  private static Set<ReplacementAttribute> withElement(ReplacementAttribute... more) {
    EnumSet<ReplacementAttribute> set =
        EnumSet.of(
            DOCUMENT_ID,
            WORKSPACE_OR_VERSION,
            WORKSPACE_OR_VERSION_ID,
            WORKSPACE_ID,
            VERSION_ID,
            ELEMENT_ID,
            MICROVERSION_ID,
            TAB_ELEMENT_ID,
            SESSION_COMPANY_ID,
            COMPANY_ID);
    set.addAll(Arrays.asList(more));
    return set;
  }

  /** The name the console shows. */
  public String label() {
    return label;
  }

  /** The contexts an extension at this location may have; empty: it has none (EXT-2). */
  public Set<ExtensionContext> contexts() {
    return contexts;
  }

  /** Whether an extension here must name a context. */
  public boolean needsContext() {
    return !contexts.isEmpty();
  }

  /** The action types allowed here; empty for the embedded locations (EXT-2). */
  public Set<ActionType> actionTypes() {
    return actionTypes;
  }

  /** An embedded page (a tab or a panel) rather than an action. */
  public boolean embedded() {
    return actionTypes.isEmpty();
  }

  /** Whether the user picks the action type (context menus); the generator's POST is implicit. */
  public boolean choosesActionType() {
    return actionTypes.size() > 1;
  }

  /** At most one extension of this location per app (EXT-2). */
  public boolean onePerApplication() {
    return this == ELEMENT_TAB || this == PART_NUMBER_GENERATOR;
  }

  /** Whether this combination is allowed (EXT-2); a location without contexts takes none. */
  public boolean allows(@Nullable ExtensionContext context) {
    return context == null ? contexts.isEmpty() : contexts.contains(context);
  }

  /** The replacement attributes an action URL or body may use here, in this context (EXT-3a). */
  public Set<ReplacementAttribute> attributes(@Nullable ExtensionContext context) {
    if (partIdContexts.isEmpty() || context == null || !partIdContexts.contains(context)) {
      return attributes;
    }
    EnumSet<ReplacementAttribute> set = EnumSet.copyOf(attributes);
    set.add(PART_ID);
    return Collections.unmodifiableSet(set);
  }

  public static Optional<ExtensionLocation> ofWire(String name) {
    return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
  }
}
