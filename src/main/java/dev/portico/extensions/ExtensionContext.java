package dev.portico.extensions;

import java.util.Arrays;
import java.util.Optional;

/** What an extension is shown for at its location (EXT-2), by its wire name. */
public enum ExtensionContext {
  PART("Part"),
  DOCUMENT("Document"),
  PART_STUDIO("Part Studio"),
  ASSEMBLY("Assembly"),
  SUB_ASSEMBLY("Sub assembly"),
  FEATURE("Feature"),
  MATE("Mate"),
  MATE_FEATURE("Mate feature"),
  DRAWING("Drawing"),
  BLOB_ELEMENT("Blob element"),
  INSTANCE("Instance");

  private final String label;

  ExtensionContext(String label) {
    this.label = label;
  }

  /** The name the console shows. */
  public String label() {
    return label;
  }

  /** The context of this wire name, if there is one (exact, upper case). */
  public static Optional<ExtensionContext> ofWire(String name) {
    return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
  }
}
