package dev.portico.extensions;

import org.jspecify.annotations.Nullable;

/**
 * What a save does with an extension's icon (EXT-6): keep it, remove it, or replace it with these
 * uploaded bytes, which {@code IconPolicy} checks before anything is stored.
 */
public record IconChange(byte @Nullable [] upload, boolean remove) {

  public static final IconChange KEEP = new IconChange(null, false);
  public static final IconChange REMOVE = new IconChange(null, true);

  public static IconChange upload(byte[] bytes) {
    return new IconChange(bytes.clone(), false);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IconChange other
        && remove == other.remove
        && java.util.Arrays.equals(upload, other.upload);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(upload) + Boolean.hashCode(remove);
  }

  @Override
  public String toString() {
    return upload != null
        ? "IconChange[upload " + upload.length + " bytes]"
        : remove ? "IconChange[remove]" : "IconChange[keep]";
  }
}
