package dev.portico.extensions.internal;

import dev.portico.system.InvalidInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Which icon files an extension may have (EXT-6): PNG or SVG, at most 256 KiB, recognised by their
 * bytes, never by a file name or a declared type. What it returns is what is stored and served: a
 * PNG as uploaded once it decodes, an SVG as {@link SvgSanitizer} rewrote it.
 */
@Component
public class IconPolicy {

  /** EXT-6: at most 256 KiB. */
  public static final int MAX_BYTES = 256 * 1024;

  /** Icons are shown at 16–32 px; anything larger than this is not an icon. */
  static final int MAX_PIXELS = 1024;

  public static final String PNG_TYPE = "image/png";
  public static final String SVG_TYPE = "image/svg+xml";

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] IHDR = {0, 0, 0, 13, 'I', 'H', 'D', 'R'};

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
    if (startsWith(bytes, 0, PNG)) {
      checkPng(bytes);
      return new ExtensionRows.Icon(PNG_TYPE, bytes);
    }
    if (looksLikeXml(bytes)) {
      byte[] sanitized = SvgSanitizer.sanitize(bytes);
      if (sanitized.length > MAX_BYTES) {
        throw InvalidInput.of("icon", "must be at most 256 KiB");
      }
      return new ExtensionRows.Icon(SVG_TYPE, sanitized);
    }
    throw InvalidInput.of("icon", "must be a PNG or SVG image");
  }

  /**
   * A PNG whose header chunk comes first and names sane dimensions, and that the JDK decodes to the
   * end (a truncated or corrupt file is refused, not stored).
   */
  private static void checkPng(byte[] bytes) {
    if (bytes.length < PNG.length + IHDR.length + 8 || !startsWith(bytes, PNG.length, IHDR)) {
      throw InvalidInput.of("icon", "is not a readable PNG image");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, PNG.length + IHDR.length, 8);
    long width = Integer.toUnsignedLong(header.getInt());
    long height = Integer.toUnsignedLong(header.getInt());
    if (width == 0 || height == 0 || width > MAX_PIXELS || height > MAX_PIXELS) {
      throw InvalidInput.of(
          "icon",
          "must be at most " + MAX_PIXELS + "×" + MAX_PIXELS + " pixels (icons show at 16–32 px)");
    }
    if (!decodes(bytes)) {
      throw InvalidInput.of("icon", "is not a readable PNG image");
    }
  }

  /** Decodes in memory (no cache file), with the dimensions already bounded above. */
  private static boolean decodes(byte[] bytes) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
    if (!readers.hasNext()) {
      throw new IllegalStateException("the JDK has no PNG reader");
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      return reader.read(0) != null;
    } catch (IOException | RuntimeException e) {
      return false; // the JDK's decoder throws runtime exceptions on some corrupt files too
    } finally {
      reader.dispose();
    }
  }

  /** After an optional byte order mark and whitespace, a {@code <}: worth parsing as SVG. */
  private static boolean looksLikeXml(byte[] bytes) {
    int i = startsWith(bytes, 0, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}) ? 3 : 0;
    while (i < bytes.length
        && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    return i < bytes.length && bytes[i] == '<';
  }

  private static boolean startsWith(byte[] bytes, int from, byte[] prefix) {
    return bytes.length >= from + prefix.length
        && Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
  }
}
