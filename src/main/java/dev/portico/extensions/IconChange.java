package dev.portico.extensions;

import dev.portico.extensions.internal.IconPolicy;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * What a save does with an extension's icon (EXT-6): keep it, remove it, or replace it with an
 * uploaded file, which {@code IconPolicy} checks before anything is stored. The uploaded bytes stay
 * inside this module (no public type exposes a {@code byte[]}).
 */
public final class IconChange {

  public static final IconChange KEEP = new IconChange(null, false);
  public static final IconChange REMOVE = new IconChange(null, true);

  private final byte @Nullable [] upload;
  private final boolean remove;

  private IconChange(byte @Nullable [] upload, boolean remove) {
    this.upload = upload;
    this.remove = remove;
  }

  /**
   * Replaces the icon with the file read from this stream: at most one byte more than {@link
   * IconPolicy#MAX_BYTES} is read, enough for the policy to refuse a larger file.
   */
  public static IconChange upload(InputStream file) throws IOException {
    return new IconChange(file.readNBytes(IconPolicy.MAX_BYTES + 1), false);
  }

  /** The uploaded file, if this change replaces the icon. */
  byte @Nullable [] bytes() {
    return upload;
  }

  public boolean remove() {
    return remove;
  }

  @Override
  public String toString() {
    return upload != null
        ? "IconChange[upload " + upload.length + " bytes]"
        : remove ? "IconChange[remove]" : "IconChange[keep]";
  }
}
