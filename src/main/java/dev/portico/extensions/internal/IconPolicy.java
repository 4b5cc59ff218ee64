package dev.portico.extensions.internal;

import dev.portico.system.InvalidInput;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Which icon files an extension may have (EXT-6): PNG or SVG, at most 256 KiB, recognised by their
 * bytes, never by a file name or a declared type. What it returns is what is stored and served.
 */
@Component
public class IconPolicy {

  /** EXT-6: at most 256 KiB. */
  public static final int MAX_BYTES = 256 * 1024;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /**
   * The icon to store for these uploaded bytes, or {@link InvalidInput} on field {@code icon}
   * saying why not.
   */
  public ExtensionRows.Icon accept(byte[] bytes) {
    if (bytes.length == 0) {
      throw InvalidInput.of("icon", "the file is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw InvalidInput.of("icon", "must be at most 256 KiB");
    }
    if (bytes.length > PNG.length && Arrays.equals(bytes, 0, PNG.length, PNG, 0, PNG.length)) {
      return new ExtensionRows.Icon("image/png", bytes);
    }
    throw InvalidInput.of("icon", "must be a PNG or SVG image");
  }
}
